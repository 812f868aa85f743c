using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Extensions;

/// <summary>The "Postes" tab: users, their numbers and the monthly cost; admins assign numbers.</summary>
[Authorize(Roles = Roles.AnyAccountMember)]
public sealed class ExtensionsController(IMediator mediator) : PortalController
{
    [HttpGet("postes")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var model = await mediator.Send(new ListExtensions.Query(), ct);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("postes/attribuer")]
    [Authorize(Roles = Roles.AccountAdmin)]
    public Task<IActionResult> Assign(AssignNumber.Command command, CancellationToken ct) =>
        Submit(command, _ => Redirect("/postes"), async () =>
        {
            var model = await mediator.Send(new ListExtensions.Query(), ct);
            return model is null ? NotFound() : View("Index", model);
        });
}
