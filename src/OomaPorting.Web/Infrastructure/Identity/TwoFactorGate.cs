using System.Security.Claims;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>
/// A user who must use a second factor (<see cref="PortalClaims.TwoFactorRequired"/>) and whose session was not opened
/// with one reaches nothing but the two-factor set-up, the language switch and sign-out: a page is redirected to the
/// set-up, anything else gets 403. Runs after authentication, before any controller.
/// </summary>
public sealed class TwoFactorGate(RequestDelegate next)
{
    public const string SetUpPath = "/mon-compte/double-authentification";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || !user.HasClaim(c => c.Type == PortalClaims.TwoFactorRequired) || UsedSecondFactor(user)
            || IsOpen(context.Request.Path))
        {
            return next(context);
        }

        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(SetUpPath);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Task.CompletedTask;
    }

    public static bool UsedSecondFactor(ClaimsPrincipal user) =>
        user?.HasClaim(PortalClaims.AuthenticationMethod, PortalClaims.MultiFactor) == true;

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments(SetUpPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/compte/deconnexion", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/langue", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/erreur", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)

        // The API answers to its keys only (Api/ApiKeyAuthentication): a session cookie sent along plays no part there.
        || path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}
