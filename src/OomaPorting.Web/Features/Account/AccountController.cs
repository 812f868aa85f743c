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
                case Account.SignIn.Outcome.LockedOut:
                    ModelState.AddModelError(string.Empty, text["SignIn.LockedOut"]);
                    return Redisplay();
                default:
                    ModelState.AddModelError(nameof(command.Email), text["SignIn.Failed"]);
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

    [HttpGet("acces-refuse")]
    [AllowAnonymous]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
