namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>Who may not sign in at all: a disabled user, or any user of an account support has disabled.</summary>
public static class SignInBar
{
    public static async Task<bool> IsBarredAsync(AppDbContext db, AppUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        return user.IsDisabled
            || (user.AccountId is { } accountId && await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.Id == accountId && a.IsDisabled, ct));
    }
}
