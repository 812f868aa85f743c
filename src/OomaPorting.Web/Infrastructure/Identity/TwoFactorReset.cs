using Microsoft.AspNetCore.Identity;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>
/// Turns a user's two-factor sign-in off completely: a new key nobody has seen (the old app's codes stop working), no
/// recovery codes, every session ended.
/// </summary>
public static class TwoFactorReset
{
    public static async Task TurnOffAsync(UserManager<AppUser> users, AppUser user)
    {
        ArgumentNullException.ThrowIfNull(users);
        (await users.SetTwoFactorEnabledAsync(user, false)).EnsureSucceeded("Two-factor reset");
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        (await users.ResetAuthenticatorKeyAsync(user)).EnsureSucceeded("Two-factor reset"); // renews the security stamp
    }
}
