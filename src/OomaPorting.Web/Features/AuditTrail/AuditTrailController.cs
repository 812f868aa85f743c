using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.AuditTrail;

/// <summary>"Journal": what support did to accounts and agents, for support administrators, on screen and as CSV.</summary>
[Authorize(Roles = Roles.SupportAdmin)]
[Route("support/journal")]
public sealed class AuditTrailController(IMediator mediator, IStringLocalizer<SharedResource> text) : PortalController
{
    /// <param name="type">One action only (<see cref="AuditActions"/>); not named "action", which MVC keeps for its own routing.</param>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? type, long? before, CancellationToken ct)
    {
        ViewData["Type"] = type is not null && AuditActions.All.Contains(type) ? type : null;
        return View("Index", await mediator.Send(new ListAuditEntries.Query(type, before), ct));
    }

    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(string? type, [FromQuery(Name = "separateur")] string? separator, CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"journal-support.csv\"";
        Response.Headers.CacheControl = "no-store";
        string[] headers = [text["Audit.Csv.At"], text["Audit.Csv.Actor"], text["Audit.Csv.Action"], text["Audit.Csv.Company"], text["Audit.Csv.Account"],
            text["Audit.Csv.Details"]];
        await ExportAuditTrail.WriteAsync(Response.Body, mediator.CreateStream(new ExportAuditTrail.Query(type), ct), CsvFormat.ForChoice(separator), headers,
            a => text[$"Audit.{a}"], d => AuditDetails.Read(d, text), ct);
        return new EmptyResult();
    }
}
