using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Dashboard;

/// <summary>"Tableau de bord": where an account member lands after signing in; support goes to the desk's dashboard.</summary>
public sealed class DashboardController(IMediator mediator) : PortalController
{
    [HttpGet("/")]
    [Authorize]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (User.IsInRole(Roles.Support))
        {
            return Redirect("/support/tableau-de-bord");
        }

        var model = await mediator.Send(new Dashboard.Query(), ct);
        return model is null ? NotFound() : View(model);
    }
}
