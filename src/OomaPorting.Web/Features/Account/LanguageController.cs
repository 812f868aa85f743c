using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace OomaPorting.Web.Features.Account;

/// <summary>The language switch: a cookie that lasts a year, so the choice persists.</summary>
public sealed class LanguageController : Controller
{
    private static readonly string[] Supported = ["fr-FR", "en"];

    [HttpPost("langue")]
    [AllowAnonymous]
    public IActionResult Choose(string culture, string? returnUrl)
    {
        if (!Supported.Contains(culture))
        {
            culture = "fr-FR";
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
