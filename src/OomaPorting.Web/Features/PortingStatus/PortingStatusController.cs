using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>"Statut du portage": every request of the account, each request's page, its mandate, its calendar file.</summary>
[Authorize(Roles = Roles.AnyAccountMember)]
public sealed class PortingStatusController(IMediator mediator, BusinessCalendar calendar)
    : PortalController
{
    /// <param name="page">The list's page (1 when absent or not a number).</param>
    [HttpGet("portage/statut")]
    public async Task<IActionResult> Index([FromQuery] string? page, CancellationToken ct)
    {
        var number = int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 1;
        var rows = await mediator.Send(new ListPortRequests.Query(IncludeDrafts: User.IsInRole(Roles.AccountAdmin), number), ct);
        ViewData["Calendar"] = calendar;
        ViewData["FollowsPorts"] = await mediator.Send(new FollowPorts.Query(), ct);
        return View("Index", rows);
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

    /// <summary>The signed mandate in force, as a PDF, for every user of the account.</summary>
    [HttpGet("portage/{id:guid}/mandat.pdf")]
    public async Task<IActionResult> Mandate(Guid id, CancellationToken ct)
    {
        var pdf = await mediator.Send(new DownloadMandate.Query(id), ct);
        Response.Headers.CacheControl = "no-store"; // a signed mandate with the holder's details: never kept by a shared cache
        return File(pdf.Content, "application/pdf", pdf.FileName);
    }

    /// <summary>A document attached to the request, as a download, for every user of the account.</summary>
    [HttpGet("portage/{id:guid}/justificatifs/{documentId:guid}")]
    public async Task<IActionResult> Document(Guid id, Guid documentId, CancellationToken ct) =>
        new Infrastructure.Documents.DocumentFileResult(await mediator.Send(new DownloadDocument.Query(id, documentId), ct), inline: false);

    /// <summary>The FOC date as a calendar file, once it is known.</summary>
    [HttpGet("portage/{id:guid}/ccf.ics")]
    public async Task<IActionResult> FocCalendarFile(Guid id, CancellationToken ct)
    {
        var file = await mediator.Send(new GetFocCalendar.Query(id), ct);
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, "text/calendar; charset=utf-8", file.FileName);
    }

    [HttpGet("portage/{id:guid}/annuler")]
    [Authorize(Roles = Roles.AccountAdmin)]
    public async Task<IActionResult> Cancel(Guid id, CancellationToken ct) => View("Cancel", await mediator.Send(new GetPortRequest.Query(id), ct));

    [HttpPost("portage/{id:guid}/annuler")]
    [Authorize(Roles = Roles.AccountAdmin)]
    public Task<IActionResult> Cancel(Guid id, CancelPortRequest.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        return Submit(command, _ =>
        {
            Confirm("Status.Done.Cancel");
            return Redirect($"/portage/{id}");
        }, async () => View("Cancel", await mediator.Send(new GetPortRequest.Query(id), ct)));
    }

    /// <summary>Every user of the account chooses whether to receive the e-mails that follow its ports.</summary>
    [HttpPost("portage/statut/suivi")]
    public Task<IActionResult> FollowPorts(FollowPorts.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Submit(command, _ =>
        {
            Confirm(command.Follow ? "Status.Done.Following" : "Status.Done.NotFollowing");
            return Redirect("/portage/statut");
        }, () => Index(null, ct));
    }

    [HttpPost("portage/{id:guid}/date-souhaitee")]
    [Authorize(Roles = Roles.AccountAdmin)]
    public Task<IActionResult> RequestPortDate(Guid id, RequestPortDate.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        return Submit(command, _ =>
        {
            Confirm(string.IsNullOrWhiteSpace(command.RequestedDate) ? "Status.Done.RequestedDateWithdrawn" : "Status.Done.RequestedDate");
            return Redirect($"/portage/{id}");
        }, async () => View("Detail", await mediator.Send(new GetPortRequest.Query(id), ct)));
    }

    [HttpPost("portage/{id:guid}/garder-temporaire")]
    [Authorize(Roles = Roles.AccountAdmin)]
    public Task<IActionResult> KeepTemporaryNumber(Guid id, KeepTemporaryNumber.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        return Submit(command, _ =>
        {
            Confirm("Status.Done.KeepTemporary");
            return Redirect($"/portage/{id}");
        }, async () => View("Detail", await mediator.Send(new GetPortRequest.Query(id), ct)));
    }

    /// <summary>Refused numbers the admin gives up porting.</summary>
    [HttpPost("portage/{id:guid}/numeros-refuses/retirer")]
    [Authorize(Roles = Roles.AccountAdmin)]
    public Task<IActionResult> WithdrawNumbers(Guid id, WithdrawNumbers.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        return Submit(command, _ =>
        {
            Confirm("Status.Done.Withdrawn");
            return Redirect($"/portage/{id}");
        }, async () => View("Detail", await mediator.Send(new GetPortRequest.Query(id), ct)), new FormFields(null, "LineIds"));
    }

    /// <summary>Refused numbers taken into a follow-up request: its draft opens on the numbers step, to fix them.</summary>
    [HttpPost("portage/{id:guid}/numeros-refuses/suite")]
    [Authorize(Roles = Roles.AccountAdmin)]
    public Task<IActionResult> StartFollowUp(Guid id, StartFollowUp.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        return Submit(command, followUpId =>
        {
            Confirm("Status.Done.FollowUp");
            return Redirect($"/portage/{followUpId}/numeros");
        }, async () => View("Detail", await mediator.Send(new GetPortRequest.Query(id), ct)), new FormFields(null, "LineIds"));
    }

    [HttpPost("portage/{id:guid}/messages")]
    [Authorize(Roles = Roles.AccountAdmin)]
    public Task<IActionResult> PostMessage(Guid id, PostMessage.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        command.Internal = false;
        return Submit(command, _ =>
        {
            Confirm("Support.Done.Message");
            return Redirect($"/portage/{id}#messages");
        }, async () => View("Detail", await mediator.Send(new GetPortRequest.Query(id), ct)),
            new FormFields(null, nameof(command.Body)));
    }
}
