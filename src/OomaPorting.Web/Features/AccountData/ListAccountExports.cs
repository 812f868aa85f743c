namespace OomaPorting.Web.Features.AccountData;

/// <summary>The account's archives, newest first: being made, ready (until when), or failed.</summary>
public static class ListAccountExports
{
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    /// <param name="Downloadable">Whether the archive can be downloaded now (<see cref="AccountExport.IsDownloadable"/>).</param>
    public sealed record Row(Guid Id, string RequestedBy, DateTime RequestedAtUtc, AccountExportStatus Status, DateTime? ReadyAtUtc, DateTime? ExpiresAtUtc,
        long? SizeBytes, bool Downloadable);

    public sealed class Handler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var rows = await db.AccountExports.AsNoTracking().Where(e => e.ExpiresAtUtc == null || e.ExpiresAtUtc > now)
                .OrderByDescending(e => e.RequestedAtUtc).Take(20)
                .Select(e => new { e.Id, e.RequestedByName, e.RequestedAtUtc, e.Status, e.ReadyAtUtc, e.ExpiresAtUtc, e.SizeBytes })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(e => new Row(e.Id, e.RequestedByName, e.RequestedAtUtc, e.Status, e.ReadyAtUtc, e.ExpiresAtUtc, e.SizeBytes,
                AccountExport.IsDownloadable(e.Status, e.ExpiresAtUtc, now)))];
        }
    }
}
