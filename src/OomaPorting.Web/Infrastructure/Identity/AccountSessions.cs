using Microsoft.AspNetCore.Identity;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>Every sign-in of an account's people ends (the account disabled or closed): a new security stamp each.</summary>
public static class AccountSessions
{
    /// <param name="why">Named in the error should Identity refuse a stamp (a bug, not a user's mistake).</param>
    public static async Task EndAllAsync(UserManager<AppUser> users, AppDbContext db, Guid accountId, string why, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        foreach (var user in await db.Users.Where(u => u.AccountId == accountId).ToListAsync(ct))
        {
            (await users.UpdateSecurityStampAsync(user)).EnsureSucceeded(why);
        }
    }
}
