using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.MyAccount;

/// <summary>"Mon compte": every signed-in person's own page (password, language, two-factor, sessions).</summary>
[Route("mon-compte")]
public sealed class MyAccountController(IMediator mediator) : PortalController
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => PageAsync(new ChangePassword.Command(), ct);

    [HttpPost("mot-de-passe")]
    [EnableRateLimiting(PortalServices.SignInRateLimitPolicy)]
    public Task<IActionResult> ChangePassword(ChangePassword.Command command, CancellationToken ct) =>
        Submit(command, _ =>
        {
            Confirm("MyAccount.Done.Password");
            return Redirect("/mon-compte");
        }, () => PageAsync(new ChangePassword.Command(), ct));

    [HttpPost("sessions/{sessionId:guid}/fin")]
    public Task<IActionResult> EndSession(Guid sessionId, CancellationToken ct) =>
        Submit(new EndSession.Command(sessionId), _ =>
        {
            Confirm("MyAccount.Done.SessionEnded");
            return Redirect("/mon-compte");
        }, () => PageAsync(new ChangePassword.Command(), ct));

    [HttpPost("sessions/fin")]
    public Task<IActionResult> EndOtherSessions(CancellationToken ct) =>
        Submit(new EndSession.Command(null), count =>
        {
            Confirm("MyAccount.Done.OthersEnded", count);
            return Redirect("/mon-compte");
        }, () => PageAsync(new ChangePassword.Command(), ct));

    private async Task<IActionResult> PageAsync(ChangePassword.Command form, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        ViewData["Profile"] = await mediator.Send(new GetMyAccount.Query(), ct);
        return View("Index", form);
    }
}
