namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>The one query the people pages (Utilisateurs, an account's page for support, Agents) read their rows with.</summary>
public static class People
{
    /// <param name="who">The people, in the order to show them.</param>
    /// <param name="adminIds">Who among them counts as an admin (<see cref="RoleMembers.UserIds"/>); composed into the same SQL.</param>
    public static async Task<IReadOnlyList<Person>> ListAsync(IQueryable<AppUser> who, IQueryable<string> adminIds, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await who.AsNoTracking()
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.Extension, u.IsDisabled, u.LockoutEnd, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled,
                IsAdmin = adminIds.Contains(u.Id),
            })
            .ToListAsync(ct);
        return [.. rows.Select(u => new Person(u.Id, u.DisplayName, u.Email ?? string.Empty, u.Extension, u.IsAdmin,
            UserStates.Of(u.IsDisabled, u.LockoutEnd, u.HasPassword, now), u.TwoFactorEnabled))];
    }
}
