using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Users;

/// <summary>"Utilisateurs": the account's people, their role, extension and state (invited, active, disabled, locked).</summary>
public static class ListUsers
{
    public sealed record Query : IQuery<Page>;

    /// <param name="RequiresTwoFactor">Whether the account requires two-factor sign-in of every user.</param>
    public sealed record Page(IReadOnlyList<Person> Users, bool RequiresTwoFactor);


    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            var accountId = current.AccountId ?? throw new NotFoundException();
            var now = time.GetUtcNow();
            var users = await People.ListAsync(
                db.Users.Where(u => u.AccountId == accountId).OrderBy(u => u.Extension == null).ThenBy(u => u.Extension).ThenBy(u => u.DisplayName),
                RoleMembers.UserIds(db, Roles.AccountAdmin), time.GetUtcNow(), cancellationToken);
            var requires = await db.Accounts.Where(a => a.Id == accountId).Select(a => a.RequiresTwoFactor).FirstAsync(cancellationToken);
            return new Page(users, requires);
        }
    }
}
