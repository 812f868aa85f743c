using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.Extensions;

[Authorize(Roles = Roles.AnyAccountMember)]
public sealed class ExtensionsController(IMediator mediator) : Controller
{
    [HttpGet("postes")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var model = await mediator.Send(new ListExtensions.Query(), ct);
        return model is null ? NotFound() : View(model);
    }
}
