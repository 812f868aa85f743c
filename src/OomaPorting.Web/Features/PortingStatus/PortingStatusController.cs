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

    /// <summary>The signed mandate in force, as a PDF, for every user of the account.</summary>
    [HttpGet("portage/{id:guid}/mandat.pdf")]
    public async Task<IActionResult> Mandate(Guid id, CancellationToken ct)
    {
        var pdf = await mediator.Send(new DownloadMandate.Query(id), ct);
        return File(pdf.Content, "application/pdf", pdf.FileName);
    }

    /// <summary>A request's status page; a draft is continued in the wizard, another account's id is a 404.</summary>
    [HttpGet("portage/{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, CancellationToken ct)
    {
        var model = await mediator.Send(new GetPortRequest.Query(id), ct);
        if (model.Request.Status == Domain.Porting.PortRequestStatus.Draft)
        {
            return User.IsInRole(Roles.AccountAdmin) ? Redirect($"/portage/{id}/type") : NotFound();
        }

        return View(model);
    }
}
