using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.SupportAgents;

/// <summary>The support desk's agents: name, whether they administer support, state and two-factor sign-in.</summary>
public static class ListSupportAgents
{
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(string Id, string Name, string Email, bool IsAdmin, UserState State, bool TwoFactor);

    public sealed class Handler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow();
            var agents = RoleMembers.UserIds(db, Roles.Support);
            var admins = RoleMembers.UserIds(db, Roles.SupportAdmin);
            var rows = await db.Users.AsNoTracking().Where(u => agents.Contains(u.Id)).OrderBy(u => u.DisplayName)
                .Select(u => new
                {
                    u.Id, u.DisplayName, u.Email, u.IsDisabled, u.LockoutEnd, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled,
                    IsAdmin = admins.Contains(u.Id),
                })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? string.Empty, u.IsAdmin,
                UserStates.Of(u.IsDisabled, u.LockoutEnd, u.HasPassword, now), u.TwoFactorEnabled))];
        }
    }
}
