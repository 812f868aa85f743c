using System.Security.Claims;

namespace OomaPorting.Web.Infrastructure;

public static class ClaimsPrincipalExtensions
{
    public static Guid? GetAccountId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(PortalClaims.AccountId), out var id) ? id : null;
    }

    public static string GetUserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");

    /// <summary>The domain's view of who acts: the highest role the user holds.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var role = user.IsInRole(Roles.Support) ? ActorRole.Support
            : user.IsInRole(Roles.AccountAdmin) ? ActorRole.AccountAdmin
            : ActorRole.AccountUser;
        return new Actor(user.GetUserId(), role, user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? string.Empty);
    }
}
