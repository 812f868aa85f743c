using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.SupportDashboard;

/// <summary>"Tableau de bord" of the desk: support's home page.</summary>
[Authorize(Roles = Roles.Support)]
[Route("support/tableau-de-bord")]
public sealed class SupportDashboardController(DeskDashboardCache cache) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var (model, charts) = await cache.GetAsync(CultureInfo.CurrentUICulture.Name, ct);
        ViewData["Charts"] = charts;
        return View(model);
    }
}
