using System.Security.Claims;
using OomaPorting.Domain.Common;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Infrastructure;

/// <summary>Claim types the portal adds to the sign-in cookie.</summary>
public static class PortalClaims
{
    public const string AccountId = "ooma:account";
    public const string DisplayName = "ooma:name";
}

/// <summary>Role names, as Identity stores them.</summary>
public static class Roles
{
    public const string AccountAdmin = nameof(ActorRole.AccountAdmin);
    public const string AccountUser = nameof(ActorRole.AccountUser);
    public const string Support = nameof(ActorRole.Support);
    public const string AnyAccountMember = AccountAdmin + "," + AccountUser;
}

/// <summary>The signed-in user's account, read from the cookie's claims.</summary>
public sealed class HttpCurrentTenant(IHttpContextAccessor accessor) : ICurrentTenant
{
    public Guid? AccountId => accessor.HttpContext?.User.GetAccountId();
}

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
