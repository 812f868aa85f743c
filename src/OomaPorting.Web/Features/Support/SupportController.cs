using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.Support;

[Authorize(Roles = Roles.Support)]
public sealed class SupportController(IMediator mediator) : Controller
{
    [HttpGet("support/portages")]
    public async Task<IActionResult> Queue(CancellationToken ct) => View(await mediator.Send(new ListWaitingRequests.Query(), ct));
}
