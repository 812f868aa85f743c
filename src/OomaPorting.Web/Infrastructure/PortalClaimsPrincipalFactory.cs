using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Adds the user's account, display name and whether a second factor is required to the sign-in session, so no
/// request needs a query to know them.
/// </summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.AccountId is { } accountId)
        {
            identity.AddClaim(new Claim(PortalClaims.AccountId, accountId.ToString()));
        }

        var required = user.AccountId is { } account
            ? await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.Id == account && a.RequiresTwoFactor)
            : identity.HasClaim(identity.RoleClaimType, Roles.Support);
        if (required)
        {
            identity.AddClaim(new Claim(PortalClaims.TwoFactorRequired, "true"));
        }

        return identity;
    }
}
