using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Support;

/// <summary>"Confier à": the request's current assignee and the active agents a lead may hand it to.</summary>
public static class GetAssignment
{
    public sealed record Query(Guid Id) : IQuery<Model>;

    public sealed record Model(Guid Id, string? Reference, string CompanyName, int Version, string? AssignedToUserId, string? AssignedToName,
        IReadOnlyList<Agent> Agents);

    public sealed record Agent(string Id, string Name);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var underWay = PortRequestStatuses.UnderWay.ToList();
            var request = await db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == query.Id && underWay.Contains(r.Status))
                .Select(r => new
                {
                    r.Id, r.Reference, r.Version, r.AssignedToUserId, r.AssignedToName,
                    Company = db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.CompanyName).First(),
                })
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
            var agents = RoleMembers.UserIds(db, Roles.Support);
            var active = await db.Users.Where(u => agents.Contains(u.Id) && !u.IsDisabled && u.Id != request.AssignedToUserId)
                .OrderBy(u => u.DisplayName).Select(u => new Agent(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
            return new Model(request.Id, request.Reference, request.Company, request.Version, request.AssignedToUserId, request.AssignedToName, active);
        }
    }
}
