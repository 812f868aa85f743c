using Mediator;
using Microsoft.EntityFrameworkCore;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Features.Support;

/// <summary>The support queue: requests of every account waiting on support, oldest submission first.</summary>
public static class ListWaitingRequests
{
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string? Reference, string CompanyName, PortRequestStatus Status, int LineCount,
        DateOnly? FocDate, DateTime? SubmittedAtUtc);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        private static readonly PortRequestStatus[] Waiting =
            [PortRequestStatus.Submitted, PortRequestStatus.FocConfirmed, PortRequestStatus.TestCall, PortRequestStatus.ActionRequired];

        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            // Support works across accounts: the one reviewed place where the tenant filters are lifted.
            return await db.PortRequests.IgnoreQueryFilters().AsNoTracking()
                .Where(r => Waiting.Contains(r.Status))
                .OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id)
                .Take(50)
                .Select(r => new Row(r.Id, r.Reference,
                    db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.CompanyName).First(),
                    r.Status, r.Lines.Count(), r.FocDate, r.SubmittedAtUtc))
                .ToListAsync(cancellationToken);
        }
    }
}
