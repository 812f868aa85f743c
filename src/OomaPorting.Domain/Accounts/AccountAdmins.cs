namespace OomaPorting.Domain.Accounts;

/// <summary>An account always keeps at least one active admin: nobody can disable or demote the last one.</summary>
public static class AccountAdmins
{
    public const string LastAdmin = "Users.LastAdmin";

    /// <summary>
    /// Why the change cannot be made (<see cref="LastAdmin"/>), or null: after it, <paramref name="userId"/> stays an
    /// active admin or another active admin remains.
    /// </summary>
    public static string? CheckChange(IReadOnlyCollection<string> activeAdminIds, string userId, bool staysActiveAdmin)
    {
        ArgumentNullException.ThrowIfNull(activeAdminIds);
        return staysActiveAdmin || activeAdminIds.Any(id => !string.Equals(id, userId, StringComparison.Ordinal)) ? null : LastAdmin;
    }
}
