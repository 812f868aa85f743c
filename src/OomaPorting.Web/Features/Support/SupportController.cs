using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Features.PortingStatus;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Support;

/// <summary>The support console: the queue and, per request, its actions (each through the domain's own method).</summary>
[Authorize(Roles = Roles.Support)]
[Route("support/portages")]
public sealed class SupportController(IMediator mediator, IStringLocalizer<SharedResource> text,
    Microsoft.Extensions.Options.IOptions<Infrastructure.Settings.SlaOptions> sla) : PortalController
{
    [HttpGet("")]
    public Task<IActionResult> Queue([FromQuery] SearchRequests.Query query)
    {
        ArgumentNullException.ThrowIfNull(query);

        // A refused date range says so at its field, and the queue shows what the other filters select.
        return Submit(query, page => View(page),
            async () => View(await mediator.Send(query.WithoutDates(), HttpContext.RequestAborted) with { Query = query }));
    }

    /// <summary>The filtered queue as CSV (every row, streamed); <c>separateur=virgule</c> for commas instead of semicolons.</summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export([FromQuery] SearchRequests.Query query, [FromQuery(Name = "separateur")] string? separator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"portages.csv\"";
        Response.Headers.CacheControl = "no-store";
        await ExportRequests.WriteAsync(Response.Body, mediator.CreateStream(new ExportRequests.Query(query), ct), CsvFormat.ForChoice(separator), text,
            sla.Value.Limits, ct);
        return new EmptyResult();
    }

    /// <summary>One FOC date for the requests ticked in the queue; the result page says what happened to each.</summary>
    [HttpPost("ccf-groupee")]
    public Task<IActionResult> SetFocDates(SetFocDates.Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Submit(command, result => View("BulkResult", result),
            async () => View("Queue", await QueueAsync(command.Queue)), new FormFields(nameof(Support.SetFocDates)));
    }

    /// <summary>
    /// The queue a refused batch was ticked in, with its filters: they come from the page's hidden fields, valid unless
    /// altered, in which case the dates are dropped (the batch's own messages are the ones to show). The queue's own
    /// validator decides, so nothing is refused twice.
    /// </summary>
    private async Task<SearchRequests.Page> QueueAsync(SearchRequests.Query filters)
    {
        var validator = HttpContext.RequestServices.GetRequiredService<IValidator<SearchRequests.Query>>();
        var valid = (await validator.ValidateAsync(filters, HttpContext.RequestAborted)).IsValid;
        return await mediator.Send(valid ? filters : filters.WithoutDates(), HttpContext.RequestAborted);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, CancellationToken ct) => View("Request", await mediator.Send(new GetForSupport.Query(id), ct));

    [HttpGet("{id:guid}/courriels")]
    public async Task<IActionResult> Emails(Guid id, CancellationToken ct) => View("Emails", await mediator.Send(new ListEmails.Query(id), ct));

    /// <summary>A document of the request: a download, or with <c>apercu=1</c> an image shown inline on the request page.</summary>
    [HttpGet("{id:guid}/justificatifs/{documentId:guid}")]
    public async Task<IActionResult> Document(Guid id, Guid documentId, string? apercu, CancellationToken ct)
    {
        var document = await mediator.Send(new PortingStatus.DownloadDocument.Query(id, documentId), ct);
        return new Infrastructure.Documents.DocumentFileResult(document, inline: apercu == "1" && document.IsImage);
    }

    [HttpPost("{id:guid}/pieces-verifiees")]
    public Task<IActionResult> CheckDocuments(Guid id, CheckDocuments.Command command) => Act(id, command, nameof(Support.CheckDocuments), "Support.Done.CheckDocuments");

    [HttpPost("{id:guid}/ccf")]
    public Task<IActionResult> SetFocDate(Guid id, SetFocDate.Command command) => Act(id, command, nameof(Support.SetFocDate), "Support.Done.SetFocDate");

    [HttpPost("{id:guid}/appel-test")]
    public Task<IActionResult> StartTestCall(Guid id, StartTestCall.Command command) => Act(id, command, nameof(Support.StartTestCall), "Support.Done.StartTestCall");

    [HttpPost("{id:guid}/resultat-appel")]
    public Task<IActionResult> RecordTestCall(Guid id, RecordTestCall.Command command) => Act(id, command, nameof(Support.RecordTestCall), "Support.Done.RecordTestCall");

    [HttpPost("{id:guid}/numeros-refuses")]
    public Task<IActionResult> RefuseNumbers(Guid id, RefuseNumbers.Command command) => Act(id, command, nameof(Support.RefuseNumbers), "Support.Done.RefuseNumbers");

    [HttpPost("{id:guid}/renvoyer")]
    public Task<IActionResult> SendBack(Guid id, SendBack.Command command) => Act(id, command, nameof(Support.SendBack), "Support.Done.SendBack");

    [HttpPost("{id:guid}/annuler")]
    public Task<IActionResult> Cancel(Guid id, CancelBySupport.Command command) => Act(id, command, nameof(CancelBySupport), "Support.Done.Cancel");

    [HttpPost("{id:guid}/garder-temporaire")]
    public Task<IActionResult> KeepTemporaryNumber(Guid id, KeepTemporaryNumberForCustomer.Command command) =>
        Act(id, command, nameof(KeepTemporaryNumberForCustomer), "Support.Done.KeepTemporary");

    /// <summary>"Confier à": a lead hands the request to another agent.</summary>
    [HttpGet("{id:guid}/attribution")]
    [Authorize(Roles = Roles.SupportAdmin)]
    public async Task<IActionResult> AssignPage(Guid id, CancellationToken ct) => View("Assign", await mediator.Send(new GetAssignment.Query(id), ct));

    [HttpPost("{id:guid}/attribution")]
    public Task<IActionResult> Assign(Guid id, AssignRequest.Command command) =>
        Act(id, command, nameof(AssignRequest), string.IsNullOrEmpty(command?.AssigneeId) ? "Support.Done.Released" : "Support.Done.Assigned");

    [HttpPost("{id:guid}/messages")]
    public Task<IActionResult> PostMessage(Guid id, PostMessage.Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        return Submit(command, _ =>
        {
            Confirm("Support.Done.Message");
            return Redirect($"/support/portages/{id}#messages");
        }, () => RequestPage(id), new FormFields("Message", "Message.Body"));
    }

    /// <summary>
    /// Runs one action of the request page. Its messages are keyed by <paramref name="form"/> (the ids of that form's
    /// inputs start with it), so the error summary links to the right field among the page's several forms; once done,
    /// the page confirms it with the resource <paramref name="done"/>.
    /// </summary>
    private Task<IActionResult> Act<TCommand>(Guid id, TCommand command, string form, string done)
        where TCommand : ISupportAction, ICommand
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        return Submit(command, _ =>
        {
            Confirm(done);
            return Redirect($"/support/portages/{id}");
        }, () => RequestPage(id), new FormFields(form));
    }

    private async Task<IActionResult> RequestPage(Guid id) =>
        View("Request", await mediator.Send(new GetForSupport.Query(id), HttpContext.RequestAborted));
}
