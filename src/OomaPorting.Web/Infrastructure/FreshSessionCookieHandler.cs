using System.Reflection;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// The session cookie's handler, with one change: every sign-in (password, two-factor code, recovery code, invitation,
/// the re-sign-in after a password or two-factor change) starts a new session key and removes the one the browser
/// presented. The framework's handler renews the presented key instead, so a copy of that cookie (planted, or taken
/// from a shared computer) would open the next person's session: session fixation.
/// </summary>
/// <remarks>
/// The framework keeps the presented key in a private field that no option or event can reach; it is read and cleared
/// here by reflection, and <see cref="EnsureSupported"/> fails the start-up if a framework update renames it (the
/// sign-in tests would fail too).
/// </remarks>
public sealed class FreshSessionCookieHandler(IOptionsMonitor<CookieAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : CookieAuthenticationHandler(options, logger, encoder)
{
    private static readonly FieldInfo? SessionKey =
        typeof(CookieAuthenticationHandler).GetField("_sessionKey", BindingFlags.Instance | BindingFlags.NonPublic);

    public static void EnsureSupported()
    {
        if (SessionKey?.FieldType != typeof(string))
        {
            throw new InvalidOperationException(
                "The cookie handler's session key field was not found: the session-fixation guard cannot work with this ASP.NET Core version.");
        }
    }

    protected override async Task HandleSignInAsync(ClaimsPrincipal user, AuthenticationProperties? properties)
    {
        // Reads the presented cookie (once per request, as the base handler does), so its key is known here.
        await HandleAuthenticateOnceSafeAsync();
        if (SessionKey!.GetValue(this) is string presented)
        {
            SessionKey.SetValue(this, null);
            if (Options.SessionStore is { } store)
            {
                await store.RemoveAsync(presented, Context, Context.RequestAborted);
            }
        }

        await base.HandleSignInAsync(user, properties);
    }
}
