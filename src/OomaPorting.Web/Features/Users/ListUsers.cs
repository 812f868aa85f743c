using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Users;

/// <summary>"Utilisateurs": the account's people, their role, extension and state (invited, active, disabled, locked).</summary>
public static class ListUsers
{
    public sealed record Query : IQuery<Page>;

    /// <param name="RequiresTwoFactor">Whether the account requires two-factor sign-in of every user.</param>
    public sealed record Page(IReadOnlyList<Row> Users, bool RequiresTwoFactor);

    public sealed record Row(string Id, string Name, string Email, bool IsAdmin, string? Extension, UserState State, bool TwoFactor);

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            var accountId = current.AccountId ?? throw new NotFoundException();
            var now = time.GetUtcNow();
            var admins = RoleMembers.UserIds(db, Roles.AccountAdmin);
            var users = await db.Users.AsNoTracking().Where(u => u.AccountId == accountId)
                .OrderBy(u => u.Extension == null).ThenBy(u => u.Extension).ThenBy(u => u.DisplayName)
                .Select(u => new
                {
                    u.Id, u.DisplayName, u.Email, u.Extension, u.IsDisabled, u.LockoutEnd, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled,
                    IsAdmin = admins.Contains(u.Id),
                })
                .ToListAsync(cancellationToken);
            var requires = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.RequiresTwoFactor).FirstAsync(cancellationToken);
            return new Page([.. users.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? string.Empty, u.IsAdmin, u.Extension,
                UserStates.Of(u.IsDisabled, u.LockoutEnd, u.HasPassword, now), u.TwoFactorEnabled))], requires);
        }
    }
}
