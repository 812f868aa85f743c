using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.SupportAgents;

/// <summary>The support desk's agents: name, whether they administer support, state and two-factor sign-in.</summary>
public static class ListSupportAgents
{
    public sealed record Query : IQuery<IReadOnlyList<Person>>;


    public sealed class Handler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, IReadOnlyList<Person>>
    {
        public async ValueTask<IReadOnlyList<Person>> Handle(Query query, CancellationToken cancellationToken)
        {
            var agents = RoleMembers.UserIds(db, Roles.Support);
            return await People.ListAsync(db.Users.Where(u => agents.Contains(u.Id)).OrderBy(u => u.DisplayName),
                RoleMembers.UserIds(db, Roles.SupportAdmin), time.GetUtcNow(), cancellationToken);
        }
    }
}
