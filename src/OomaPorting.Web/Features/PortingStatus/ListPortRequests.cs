namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>
/// "Statut du portage": every request of the signed-in user's account, most recently changed first, <see cref="PageSize"/>
/// a page (the list used to stop at 500 without a word); drafts only for admins.
/// </summary>
public static class ListPortRequests
{
    public const int PageSize = 50;

    /// <param name="Page">1 for the first page; a page past the last shows the last.</param>
    public sealed record Query(bool IncludeDrafts, int Page = 1) : IQuery<Result>;

    /// <param name="Total">Every request the reader may see, on all pages.</param>
    public sealed record Result(IReadOnlyList<Row> Rows, int Page, int Total)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }

    public sealed record Row(Guid Id, string? Reference, PortRequestStatus Status, NumberType? NumberType, string? CarrierCode,
        string? CarrierOtherName, FrenchNumber? MainLine, int LineCount, DateOnly? FocDate, DateTime? SubmittedAtUtc, DateTime UpdatedAtUtc)
    {
        public string? CarrierName => Carrier.DisplayName(NumberType, CarrierCode, CarrierOtherName);

        /// <summary>When the port should be done: on the FOC date once known, else 15 to 20 working days after submission.</summary>
        public (DateOnly From, DateOnly To)? ExpectedCompletion(BusinessCalendar calendar)
        {
            ArgumentNullException.ThrowIfNull(calendar);
            if (!Status.IsUnderWay())
            {
                return null;
            }

            if (FocDate is { } foc)
            {
                return (foc, foc);
            }

            return SubmittedAtUtc is { } s ? calendar.ExpectedCompletion(BusinessCalendar.DateInFrance(s)) : null;
        }
    }

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var requests = db.PortRequests.AsNoTracking();
            if (!query.IncludeDrafts)
            {
                requests = requests.Where(r => r.Status != PortRequestStatus.Draft);
            }

            // Most accounts have one page: its rows (one more than a page, to know) are the count, and the list costs
            // one query as before paging. A longer list, or a later page, is counted first.
            if (query.Page <= 1)
            {
                var first = await PageAsync(requests, 1, PageSize + 1, cancellationToken);
                if (first.Count <= PageSize)
                {
                    return new Result(first, 1, first.Count);
                }
            }

            var total = await requests.CountAsync(cancellationToken);
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
            return new Result(await PageAsync(requests, page, PageSize, cancellationToken), page, total);
        }

        private static Task<List<Row>> PageAsync(IQueryable<PortRequest> requests, int page, int size, CancellationToken ct) =>
            requests
                .OrderByDescending(r => r.UpdatedAtUtc).ThenByDescending(r => r.Id)
                .Skip((page - 1) * PageSize).Take(size)
                .Select(r => new Row(r.Id, r.Reference, r.Status, r.NumberType, r.CarrierCode, r.CarrierOtherName,
                    r.Lines.Where(l => l.Position == 0).Select(l => l.Number).FirstOrDefault(), r.Lines.Count(),
                    r.FocDate, r.SubmittedAtUtc, r.UpdatedAtUtc))
                .ToListAsync(ct);
    }
}
