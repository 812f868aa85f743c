using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Users;

/// <summary>"Utilisateurs": the account's people, their role, extension and state (invited, active, disabled, locked).</summary>
public static class ListUsers
{
    public enum UserState
    {
        Invited,
        Active,
        Disabled,
        Locked,
    }

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(string Id, string Name, string Email, bool IsAdmin, string? Extension, UserState State);

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var accountId = current.AccountId ?? throw new NotFoundException();
            var now = time.GetUtcNow();
            var admins = RoleMembers.UserIds(db, Roles.AccountAdmin);
            var users = await db.Users.AsNoTracking().Where(u => u.AccountId == accountId)
                .OrderBy(u => u.Extension == null).ThenBy(u => u.Extension).ThenBy(u => u.DisplayName)
                .Select(u => new
                {
                    u.Id, u.DisplayName, u.Email, u.Extension, u.IsDisabled, u.LockoutEnd, HasPassword = u.PasswordHash != null,
                    IsAdmin = admins.Contains(u.Id),
                })
                .ToListAsync(cancellationToken);
            return [.. users.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? string.Empty, u.IsAdmin, u.Extension,
                u.IsDisabled ? UserState.Disabled : u.LockoutEnd > now ? UserState.Locked : u.HasPassword ? UserState.Active : UserState.Invited))];
        }
    }
}
