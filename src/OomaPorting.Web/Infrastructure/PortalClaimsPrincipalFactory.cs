using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Infrastructure;

/// <summary>Adds the user's account and display name to the sign-in cookie, so no request needs a query to know them.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
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

        return identity;
    }
}
