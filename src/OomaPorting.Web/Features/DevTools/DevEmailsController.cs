using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.DevTools;

/// <summary>
/// In Development only, and for support agents only: the e-mails the portal wrote (every account's), to read them
/// without a mail server. A staging site run in Development with real data shows them to nobody else.
/// </summary>
[Authorize(Roles = Roles.Support)]
[Route("dev/courriels")]
public sealed class DevEmailsController(AppDbContext db, IHostEnvironment environment) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        var messages = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.CreatedAtUtc).Take(200).ToListAsync(ct);
        return View("~/Features/DevTools/Emails.cshtml", messages);
    }

    /// <summary>One message's HTML part, served alone with a CSP that allows its inline styles and nothing else.</summary>
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Html(Guid id, CancellationToken ct)
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        var message = await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (message is null)
        {
            return NotFound();
        }

        Response.OnStarting(() =>
        {
            Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'";
            return Task.CompletedTask;
        });
        return Content(message.HtmlBody, "text/html; charset=utf-8");
    }
}
