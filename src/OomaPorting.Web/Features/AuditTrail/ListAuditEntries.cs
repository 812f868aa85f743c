namespace OomaPorting.Web.Features.AuditTrail;

/// <summary>
/// The audit trail, newest first, 100 lines a page, optionally one action only. Pages follow each other by the last
/// line's id (ids grow with each line), so a page stays exact while new lines arrive.
/// </summary>
public static class ListAuditEntries
{
    public const int PageSize = 100;

    public sealed record Query(string? Action, long? Before) : IQuery<Page>;

    /// <param name="Next">The id to ask the next page with; null on the last page.</param>
    public sealed record Page(IReadOnlyList<Line> Lines, long? Next);

    /// <param name="Company">The account's company name, when the action was about an account.</param>
    public sealed record Line(long Id, DateTime AtUtc, string ActorName, string Action, Guid? AccountId, string? Company, string Details);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var lines = await Lines(db, query.Action, query.Before).Take(PageSize + 1).ToListAsync(cancellationToken);
            return lines.Count > PageSize ? new Page(lines[..PageSize], lines[PageSize - 1].Id) : new Page(lines, null);
        }
    }

    /// <summary>The lines (older than <paramref name="before"/>), newest first, with their company: the page and the CSV export read the same query.</summary>
    public static IQueryable<Line> Lines(AppDbContext db, string? action, long? before = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entries = db.AuditEntries.AsNoTracking();
        if (action is not null && AuditActions.All.Contains(action))
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (before is { } last)
        {
            entries = entries.Where(e => e.Id < last);
        }

        return from e in entries
               join a in db.Accounts.IgnoreQueryFilters() on e.AccountId equals a.Id into accounts
               from a in accounts.DefaultIfEmpty()
               orderby e.Id descending
               select new Line(e.Id, e.AtUtc, e.ActorName, e.Action, e.AccountId, a == null ? null : a.CompanyName, e.Details);
    }
}
