using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.TwoFactor;

/// <summary>What the two-factor slices share: the signed-in user, and whether a second factor is required of them.</summary>
public static class TwoFactorAccount
{
    public const int RecoveryCodeCount = 10;

    public static async Task<AppUser> CurrentAsync(UserManager<AppUser> users, ICurrentActor current) =>
        await users.FindByIdAsync(current.Actor.UserId) ?? throw new NotFoundException();

    /// <summary>
    /// The signed-in user (tracked, for Identity to change) and whether a second factor is required of them, in one
    /// query: support agents always; an account's users when their admin requires it.
    /// </summary>
    public static async Task<(AppUser User, bool Required)> CurrentWithRequirementAsync(AppDbContext db, ICurrentActor current, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        var userId = current.Actor.UserId;
        var agents = RoleMembers.UserIds(db, Roles.Support);
        var found = await db.Users.Where(u => u.Id == userId)
            .Select(u => new
            {
                User = u,
                Required = u.AccountId == null
                    ? agents.Contains(u.Id)
                    : db.Accounts.IgnoreQueryFilters().Any(a => a.Id == u.AccountId && a.RequiresTwoFactor),
            })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        return (found.User, found.Required);
    }

    /// <summary>
    /// Opens a fresh session after a change that renewed the user's security stamp (which ended every session of theirs,
    /// this one included), marked as two-factor when <paramref name="secondFactor"/>.
    /// </summary>
    public static Task SignInAgainAsync(SignInManager<AppUser> signIn, AppUser user, bool secondFactor)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        return secondFactor
            ? signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim(PortalClaims.AuthenticationMethod, PortalClaims.MultiFactor)])
            : signIn.SignInAsync(user, isPersistent: false);
    }

    /// <summary>Whether <paramref name="code"/> is the user's current authenticator code (a code is accepted once).</summary>
    public static Task<bool> CheckCodeAsync(UserManager<AppUser> users, AppUser user, string? code)
    {
        ArgumentNullException.ThrowIfNull(users);
        return AuthenticatorCodes.Normalize(code) is { } normalized
            ? users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, normalized)
            : Task.FromResult(false);
    }
}
