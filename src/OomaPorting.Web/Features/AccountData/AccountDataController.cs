using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.AccountData;

/// <summary>"Données du compte": an admin asks for an archive of the account's data and downloads it for 7 days.</summary>
[Authorize(Roles = Roles.AccountAdmin)]
[Route("donnees-du-compte")]
public sealed class AccountDataController(IMediator mediator) : PortalController
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => PageAsync(ct);

    [HttpPost("")]
    public Task<IActionResult> Prepare(CancellationToken ct) =>
        Submit(new RequestAccountExport.Command(), _ =>
        {
            Confirm("AccountData.Done.Requested");
            return Redirect("/donnees-du-compte");
        }, () => PageAsync(ct));

    /// <summary>The archive, streamed chunk by chunk; never cached.</summary>
    [HttpGet("{exportId:guid}/archive.zip")]
    public async Task<IActionResult> Download(Guid exportId, CancellationToken ct)
    {
        var archive = await mediator.Send(new DownloadAccountExport.Query(exportId), ct);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = archive.FileName }.ToString();
        Response.ContentType = "application/zip";
        Response.ContentLength = archive.Length;
        await foreach (var chunk in archive.Chunks.WithCancellation(ct))
        {
            await Response.Body.WriteAsync(chunk, ct);
        }

        return new EmptyResult();
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        ViewData["Exports"] = await mediator.Send(new ListAccountExports.Query(), ct);
        return View("Index");
    }
}
