namespace OomaPorting.Web.Features.Api;

/// <summary>
/// The API's list of an account's requests, newest first, a page at a time: filters by status and reference, and an
/// opaque cursor (<see cref="KeysetCursor"/>) that starts the next page where this one ended, so a page is one walk of
/// the account's index whatever the depth.
/// </summary>
public static class BrowsePortRequests
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public sealed class Query : IQuery<Page>
    {
        /// <summary>Statuses to keep (any of them); none: every request, drafts included.</summary>
        public IReadOnlyList<PortRequestStatus> Status { get; set; } = [];

        public string? Reference { get; set; }

        public int Limit { get; set; } = DefaultLimit;

        /// <summary>The <c>nextCursor</c> of the previous page.</summary>
        public string? Cursor { get; set; }
    }

    public sealed record Row(Guid Id, string? Reference, PortRequestStatus Status, Turn WhoseTurn, NumberType? NumberType, string? CarrierCode,
        string? MainNumber, int NumberCount, DateOnly? FocDate, DateTime CreatedAt, DateTime UpdatedAt, DateTime? SubmittedAt, int Version, string Self);

    /// <param name="NextCursor">Null on the last page.</param>
    public sealed record Page(IReadOnlyList<Row> Items, string? NextCursor);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).WithErrorCode("Api.Limit").WithMessage(_ => text["Error.Api.Limit", MaxLimit]);
            RuleFor(q => q.Cursor).Must(c => c is null || KeysetCursor.TryRead(c, out var rank, out _, out _) && rank == 0)
                .WithErrorCode("Api.Cursor").WithMessage(_ => text["Error.Api.Cursor"]);
            RuleFor(q => q.Reference).MaximumLength(20).WithErrorCode("Api.Reference").WithMessage(_ => text["Error.Api.Reference"]);
            RuleForEach(q => q.Status).IsInEnum().WithErrorCode("Api.Status").WithMessage(_ => text["Error.Api.Status"]);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Page>
    {
        public async ValueTask<Page> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var requests = db.PortRequests.AsNoTracking();
            if (query.Status.Count > 0)
            {
                var statuses = query.Status.Distinct().ToList();
                requests = requests.Where(r => statuses.Contains(r.Status));
            }

            if (!string.IsNullOrWhiteSpace(query.Reference))
            {
                var reference = query.Reference.Trim().ToUpperInvariant();
                requests = requests.Where(r => r.Reference == reference);
            }

            if (KeysetCursor.TryRead(query.Cursor, out _, out var ticks, out var lastId))
            {
                var created = new DateTime(ticks, DateTimeKind.Utc);
                requests = requests.Where(r => r.CreatedAtUtc <= created && (r.CreatedAtUtc < created || r.Id.CompareTo(lastId) < 0));
            }

            var today = BusinessCalendar.DateInFrance(time.GetUtcNow().UtcDateTime);
            var rows = await requests
                .OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id)
                .Take(query.Limit + 1)
                .Select(r => new
                {
                    r.Id, r.Reference, r.Status, r.DocumentsCheckedAtUtc, r.NumberType, r.CarrierCode,
                    Main = r.Lines.Where(l => l.Position == 0).Select(l => l.Number).FirstOrDefault(),
                    Count = r.Lines.Count(), r.FocDate, r.CreatedAtUtc, r.UpdatedAtUtc, r.SubmittedAtUtc, r.Version,
                })
                .ToListAsync(cancellationToken);
            var page = rows.Take(query.Limit).Select(r => new Row(r.Id, r.Reference, r.Status, TurnRule.Of(r.Status, r.DocumentsCheckedAtUtc, r.FocDate, today), r.NumberType, r.CarrierCode,
                r.Main?.E164, r.Count, r.FocDate, r.CreatedAtUtc, r.UpdatedAtUtc, r.SubmittedAtUtc, r.Version, $"/api/v1/port-requests/{r.Id}")).ToList();
            var next = rows.Count > query.Limit ? KeysetCursor.Write(0, page[^1].CreatedAt.Ticks, page[^1].Id) : null;
            return new Page(page, next);
        }
    }
}
