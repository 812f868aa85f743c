using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>"Portage de numéro": what porting is and how it goes. The wizard's steps live beside this controller.</summary>
[Authorize(Roles = Roles.AccountAdmin)]
public sealed class PortingWizardController : Controller
{
    [HttpGet("portage")]
    public IActionResult Start() => View();

    /// <summary>Numbers on a residential Ooma Telo or Hub are moved by customer service, not through the wizard.</summary>
    [HttpGet("portage/telo-hub")]
    public IActionResult FromTeloOrHub() => View();
}
