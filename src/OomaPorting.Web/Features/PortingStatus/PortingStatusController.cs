using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Domain.Calendar;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.PortingStatus;

[Authorize(Roles = Roles.AnyAccountMember)]
public sealed class PortingStatusController(IMediator mediator, BusinessCalendar calendar) : Controller
{
    [HttpGet("portage/statut")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await mediator.Send(new ListPortRequests.Query(IncludeDrafts: User.IsInRole(Roles.AccountAdmin)), ct);
        ViewData["Calendar"] = calendar;
        return View(rows);
    }
}
