using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OomaPorting.Domain.Common;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.Extensions;

/// <summary>The "Postes" tab: users, their numbers and the monthly cost; admins assign numbers.</summary>
[Authorize(Roles = Roles.AnyAccountMember)]
public sealed class ExtensionsController(IMediator mediator, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("postes")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var model = await mediator.Send(new ListExtensions.Query(), ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("postes/attribuer")]
    [Authorize(Roles = Roles.AccountAdmin)]
    public async Task<IActionResult> Assign(AssignNumber.Command command, CancellationToken ct)
    {
        try
        {
            await mediator.Send(command, ct);
            return Redirect("/postes");
        }
        catch (ValidationException e)
        {
            ModelState.AddValidationErrors(e);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, text);
        }

        var model = await mediator.Send(new ListExtensions.Query(), ct);
        return model is null ? NotFound() : View("Index", model);
    }
}
