using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.TwoFactor;

/// <summary>
/// "Double authentification": set up an authenticator app, see and renew recovery codes, turn it off where allowed.
/// The one page a user who must set it up can reach (<see cref="TwoFactorGate"/>).
/// </summary>
[Route(TwoFactorGate.SetUpPath)]
public sealed class TwoFactorController(IMediator mediator) : PortalController
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => PageAsync(ct);

    [HttpPost("")]
    public Task<IActionResult> Enable(EnableTwoFactor.Command command, CancellationToken ct) =>
        Submit(command, RecoveryCodes, () => PageAsync(ct));

    [HttpPost("codes")]
    public Task<IActionResult> NewCodes(CancellationToken ct) =>
        Submit(new NewRecoveryCodes.Command(), RecoveryCodes, () => PageAsync(ct));

    [HttpPost("desactiver")]
    public Task<IActionResult> Disable(DisableTwoFactor.Command command, CancellationToken ct) =>
        Submit(command, _ =>
        {
            Confirm("TwoFactor.Done.Off");
            return Redirect(TwoFactorGate.SetUpPath);
        }, () => PageAsync(ct));

    /// <summary>Recovery codes are shown in the answer to the POST itself, never stored in a cookie or cached.</summary>
    private ViewResult RecoveryCodes(IReadOnlyList<string> codes)
    {
        Response.Headers.CacheControl = "no-store";
        return View("RecoveryCodes", codes);
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        ViewData["Status"] = await mediator.Send(new GetTwoFactor.Query(), ct);
        return View("Index", new EnableTwoFactor.Command());
    }
}
