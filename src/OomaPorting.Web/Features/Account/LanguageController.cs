using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Account;

/// <summary>The language switch: a cookie that lasts a year, so the choice persists.</summary>
public sealed class LanguageController(Microsoft.AspNetCore.Identity.UserManager<Data.AppUser> users, IHostEnvironment environment, TimeProvider time) : PortalController
{
    private static readonly string[] Supported = ["fr-FR", "en"];

    [HttpPost("langue")]
    [AllowAnonymous]
    public async Task<IActionResult> Choose(string culture, string? returnUrl)
    {
        if (!Supported.Contains(culture))
        {
            culture = "fr-FR";
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps || !environment.IsDevelopment() });
        // A signed-in user's e-mails follow the language they chose.
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user && user.PreferredCulture != culture)
        {
            user.PreferredCulture = culture;
            await users.UpdateAsync(user);
        }

        return RedirectToLocal(returnUrl);
    }
}
