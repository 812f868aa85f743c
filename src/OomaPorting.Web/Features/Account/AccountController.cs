using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Account;

[Route("compte")]
public sealed class AccountController(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> text,
    ILogger<AccountController> logger) : PortalController
{
    [HttpGet("connexion")]
    [AllowAnonymous]
    public IActionResult SignIn(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            return RedirectToLocal(returnUrl);
        }

        return View(new SignIn.Command { ReturnUrl = returnUrl });
    }

    [HttpPost("connexion")]
    [AllowAnonymous]
    [EnableRateLimiting(PortalServices.SignInRateLimitPolicy)]
    public Task<IActionResult> SignIn(SignIn.Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        IActionResult Redisplay()
        {
            command.Password = string.Empty;
            return View(command);
        }

        return Submit(command, outcome =>
        {
            switch (outcome)
            {
                case Account.SignIn.Outcome.Succeeded:
                    return RedirectToLocal(command.ReturnUrl);
                case Account.SignIn.Outcome.RequiresTwoFactor:
                    return Redirect("/compte/connexion/code" + (string.IsNullOrEmpty(command.ReturnUrl) ? string.Empty
                        : "?returnUrl=" + Uri.EscapeDataString(LocalUrl.SafeOrHome(command.ReturnUrl, Url.IsLocalUrl))));
                default:
                    // A wrong password, an unknown address and a locked one read the same (SignIn's summary).
                    ModelState.AddModelError(nameof(command.Email), text["SignIn.Failed"]);
                    return Redisplay();
            }
        }, () => Task.FromResult(Redisplay()));
    }

    /// <summary>The second step for a user with two-factor sign-in: the code of their app, or a recovery code.</summary>
    [HttpGet("connexion/code")]
    [AllowAnonymous]
    public async Task<IActionResult> SignInCode(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect("/compte/connexion");
        }

        return View(new SignInWithCode.Command { ReturnUrl = returnUrl });
    }

    [HttpPost("connexion/code")]
    [AllowAnonymous]
    [EnableRateLimiting(PortalServices.SignInRateLimitPolicy)]
    public Task<IActionResult> SignInCode(SignInWithCode.Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        IActionResult Redisplay()
        {
            command.Code = string.Empty;
            return View(command);
        }

        return Submit(command, outcome =>
        {
            switch (outcome)
            {
                case SignInWithCode.Outcome.Succeeded:
                    return RedirectToLocal(command.ReturnUrl);
                case SignInWithCode.Outcome.Expired:
                    Confirm("SignInCode.Expired");
                    return Redirect("/compte/connexion");
                case SignInWithCode.Outcome.LockedOut:
                    ModelState.AddModelError(string.Empty, text["SignIn.LockedOut"]);
                    return Redisplay();
                default:
                    ModelState.AddModelError(nameof(command.Code), text["SignInCode.Failed"]);
                    return Redisplay();
            }
        }, () => Task.FromResult(Redisplay()));
    }

    [HttpPost("deconnexion")]
    [Authorize]
    public async Task<IActionResult> SignOutUser()
    {
        var userId = User.GetUserId();
        await signIn.SignOutAsync();
        logger.LogInformation("User {UserId} signed out", userId);
        return Redirect("/compte/connexion");
    }

    /// <summary>An invitation link: choose a password (or, when the link no longer works, say so clearly).</summary>
    [HttpGet("invitation/{token}")]
    [AllowAnonymous]
    public async Task<IActionResult> Invitation(string token, [FromServices] IMediator mediator, CancellationToken ct) =>
        await InvitationPageAsync(token, new AcceptInvitation.Command { Token = token }, mediator, ct);

    [HttpPost("invitation/{token}")]
    [AllowAnonymous]
    [EnableRateLimiting(PortalServices.SignInRateLimitPolicy)]
    public Task<IActionResult> Invitation(string token, AcceptInvitation.Command command, [FromServices] IMediator mediator, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Token = token;
        return Submit(command, invited =>
        {
            if (invited.SignedIn)
            {
                return Redirect("/");
            }

            Confirm("Invitation.Done.SignInWithCode");
            return Redirect("/compte/connexion");
        }, () => InvitationPageAsync(token, command, mediator, ct));
    }

    private async Task<IActionResult> InvitationPageAsync(string token, AcceptInvitation.Command command, IMediator mediator, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (await mediator.Send(new AcceptInvitation.Query(token), ct) is not { } invited)
        {
            return View("InvitationInvalid", await mediator.Send(new AcceptInvitation.DeadLinkQuery(token), ct));
        }

        command.Password = string.Empty;
        command.ConfirmPassword = string.Empty;
        ViewData["Invited"] = invited;
        return View("Invitation", command);
    }

    [HttpGet("mot-de-passe-oublie")]
    [AllowAnonymous]
    public IActionResult ForgotPassword() => View("ForgotPassword", new ForgotPassword.Command());

    /// <summary>Always the same answer, whether the address is known or not.</summary>
    [HttpPost("mot-de-passe-oublie")]
    [AllowAnonymous]
    [EnableRateLimiting(PortalServices.SignInRateLimitPolicy)]
    public Task<IActionResult> ForgotPassword(ForgotPassword.Command command) =>
        Submit(command, _ => View("ForgotPasswordSent"), () => Task.FromResult<IActionResult>(View("ForgotPassword", command)));

    [HttpGet("acces-refuse")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
