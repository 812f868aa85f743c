using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.AuditTrail;

/// <summary>"Journal": what support did to accounts and agents, for support administrators, on screen and as CSV.</summary>
[Authorize(Roles = Roles.SupportAdmin)]
[Route("support/journal")]
public sealed class AuditTrailController(IMediator mediator, IStringLocalizer<SharedResource> text) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? action, Guid? before, CancellationToken ct)
    {
        ViewData["Action"] = action is not null && AuditActions.All.Contains(action) ? action : null;
        return View("Index", await mediator.Send(new ListAuditEntries.Query(action, before), ct));
    }

    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(string? action, CancellationToken ct)
    {
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"journal-support.csv\"";
        Response.Headers.CacheControl = "no-store";
        string[] headers = [text["Audit.Csv.At"], text["Audit.Csv.Actor"], text["Audit.Csv.Action"], text["Audit.Csv.Company"], text["Audit.Csv.Account"],
            text["Audit.Csv.Details"]];
        await ExportAuditTrail.WriteAsync(Response.Body, mediator.CreateStream(new ExportAuditTrail.Query(action), ct), headers,
            a => text[$"Audit.{a}"], ct);
        return new EmptyResult();
    }
}
