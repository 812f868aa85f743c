namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>"Statut du portage": every request of the signed-in user's account; drafts only for admins.</summary>
public static class ListPortRequests
{
    public sealed record Query(bool IncludeDrafts) : IQuery<IReadOnlyList<Row>>;

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

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var requests = db.PortRequests.AsNoTracking();
            if (!query.IncludeDrafts)
            {
                requests = requests.Where(r => r.Status != PortRequestStatus.Draft);
            }

            return await requests
                .OrderByDescending(r => r.UpdatedAtUtc)
                .Take(500)
                .Select(r => new Row(r.Id, r.Reference, r.Status, r.NumberType, r.CarrierCode, r.CarrierOtherName,
                    r.Lines.Where(l => l.Position == 0).Select(l => l.Number).FirstOrDefault(), r.Lines.Count(),
                    r.FocDate, r.SubmittedAtUtc, r.UpdatedAtUtc))
                .ToListAsync(cancellationToken);
        }
    }
}
