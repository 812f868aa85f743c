using System.Globalization;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Features.SupportDashboard;

/// <summary>
/// The desk at a glance (support's home page): where the requests stand and whose move it is, what is late and why,
/// the weekly flow, how long ports take against the 3-to-4-week promise, why requests are sent back, and each carrier's
/// record. Every figure is an aggregate the database computes from its indexes (counts over index ranges, no table
/// walk per request); the few medians are taken in memory over one window's rows. See docs/performance.md.
/// </summary>
public static class GetDeskDashboard
{
    /// <summary>The weeks of the flow chart, the current one included.</summary>
    public const int Weeks = 12;

    /// <summary>The window of the durations, the refusal reasons and the carriers' figures.</summary>
    public const int WindowDays = 90;

    /// <summary>The promise made to customers: a port takes 3 to 4 weeks (docs/domain.md).</summary>
    public const int PromiseFromDays = 21;
    public const int PromiseToDays = 28;

    public sealed record Query : IQuery<Model>;

    public sealed record Model(DateTime ComputedAtUtc, DateOnly Today, IReadOnlyDictionary<PortRequestStatus, int> ByStatus,
        IReadOnlyDictionary<Turn, int> ByTurn, IReadOnlyDictionary<LateReason, int> Late, IReadOnlyList<Week> Flow, Durations Durations,
        IReadOnlyList<ReasonCount> Reasons, IReadOnlyList<CarrierFigures> Carriers, SlaLimits Limits)
    {
        public int UnderWay => ByStatus.Where(s => s.Key.IsUnderWay()).Sum(s => s.Value);

        public int LateTotal => Late.Values.Sum();

        /// <summary>Late requests nobody has taken.</summary>
        public int LateUnassigned { get; init; }

        /// <summary>Numbers refused one by one in the window while their requests went ahead, by outcome.</summary>
        public NumberRefusals RefusedNumbers { get; init; } = new(0, 0);
    }

    /// <param name="ByCarrier">Refused by the losing carrier (<see cref="NumberOutcome.Refused"/>).</param>
    /// <param name="AtTestCall">Failed the test call for a cause only the customer can fix (<see cref="NumberOutcome.FailedTestCall"/>).</param>
    public sealed record NumberRefusals(int ByCarrier, int AtTestCall);

    /// <param name="Monday">The week's first day (Paris).</param>
    public sealed record Week(DateOnly Monday, int Submitted, int Completed);

    /// <summary>Days from first submission to completion, for the requests completed in the window.</summary>
    public sealed record Durations(int Count, double? MedianDays, int? Percentile90Days, int WithinPromise, IReadOnlyList<Bucket> Buckets);

    /// <param name="ToDays">Inclusive; null for the open last bucket.</param>
    public sealed record Bucket(int FromDays, int? ToDays, int Count)
    {
        public bool IsPromise => FromDays >= PromiseFromDays - 6 && ToDays is <= PromiseToDays;
    }

    public sealed record ReasonCount(ReasonCode Code, int Count);

    /// <param name="Volume">Requests first submitted in the window.</param>
    /// <param name="MedianFocDays">Median days from first submission to the first FOC date being set.</param>
    /// <param name="SentBack">How many of them were sent back to the customer at least once (by support or after a failed test call).</param>
    public sealed record CarrierFigures(string? Code, string Name, int Volume, double? MedianFocDays, int SentBack)
    {
        public double RefusalRate => Volume == 0 ? 0 : (double)SentBack / Volume;
    }

    /// <summary>
    /// The dashboard's queries, as queries (the handler runs them; a test translates them for SQL Server too). Every one
    /// reads across accounts: support's view.
    /// </summary>
    public static class Queries
    {
        public sealed record StatusCount(PortRequestStatus Status, int Count);

        public sealed record LateCount(LateReason Reason, bool Unassigned, int Count);

        /// <summary>A request's late reason and whether anyone looks after it.</summary>
        /// <remarks>Set by initialiser (not a constructor) so the database can filter and group on its members.</remarks>
        public sealed class Flagged
        {
            public LateReason Reason { get; init; }

            public bool Unassigned { get; init; }
        }

        public sealed record Span(DateTime CompletedAtUtc, DateTime FirstSubmittedAtUtc);

        /// <summary>A request first submitted in the window, with its carrier.</summary>
        public sealed record First(Guid Id, DateTime SubmittedAtUtc, string? CarrierCode, NumberType? NumberType, string? CarrierOtherName);

        /// <summary>An event of one request at a time (a FOC date set).</summary>
        public sealed record Moment(Guid PortRequestId, DateTime OccurredAtUtc);

        /// <summary>A sending-back of one request and its reason codes (comma-separated).</summary>
        public sealed record SentBack(Guid PortRequestId, string ReasonCodes);

        public static IQueryable<StatusCount> ByStatus(AppDbContext db)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.Status != PortRequestStatus.Draft).GroupBy(r => r.Status)
                .Select(g => new StatusCount(g.Key, g.Count()));
        }

        /// <summary>Late requests by reason: the domain's rule (<see cref="SlaCutoffs.Reason"/>) grouped by the database.</summary>
        public static IQueryable<LateCount> Late(AppDbContext db, SlaCutoffs cutoffs)
        {
            ArgumentNullException.ThrowIfNull(db);
            ArgumentNullException.ThrowIfNull(cutoffs);
            var underWay = PortRequestStatuses.UnderWay.ToList();
            return db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => underWay.Contains(r.Status))
                .Select(ExpressionInliner.Inline<PortRequest, LateReason, Flagged>((r, reason) => new Flagged { Reason = reason, Unassigned = r.AssignedToUserId == null }, cutoffs.Reason()))
                .Where(x => x.Reason != LateReason.None).GroupBy(x => new { x.Reason, x.Unassigned }).Select(g => new LateCount(g.Key.Reason, g.Key.Unassigned, g.Count()));
        }

        /// <summary>Requests first submitted in [from, to) (a resubmission after a correction is not new work).</summary>
        public static IQueryable<PortRequest> Submissions(AppDbContext db, DateTime fromUtc, DateTime toUtc)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.FirstSubmittedAtUtc >= fromUtc && r.FirstSubmittedAtUtc < toUtc);
        }

        public static IQueryable<PortRequest> Completions(AppDbContext db, DateTime fromUtc, DateTime toUtc)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.CompletedAtUtc >= fromUtc && r.CompletedAtUtc < toUtc);
        }

        /// <summary>Requests completed since <paramref name="fromUtc"/>, with their first submission.</summary>
        public static IQueryable<Span> Spans(AppDbContext db, DateTime fromUtc)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.CompletedAtUtc >= fromUtc && r.FirstSubmittedAtUtc != null)
                .Select(r => new Span(r.CompletedAtUtc!.Value, r.FirstSubmittedAtUtc!.Value));
        }

        /// <summary>Every sending-back since <paramref name="fromUtc"/> (by support or after a failed test call), with its reason codes.</summary>
        public static IQueryable<SentBack> SentBacks(AppDbContext db, DateTime fromUtc)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.PortRequestEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.OccurredAtUtc >= fromUtc && e.ReasonCodes != null
                    && (e.Kind == PortRequestEventKind.ActionRequired || e.Kind == PortRequestEventKind.TestCallFailed))
                .Select(e => new SentBack(e.PortRequestId, e.ReasonCodes!));
        }

        /// <summary>A refusal of some of a request's numbers while the others went ahead: how many, and whether at the test call.</summary>
        public sealed record NumberRefusal(bool AtTestCall, int Numbers);

        /// <summary>
        /// Every refusal of numbers one by one since <paramref name="fromUtc"/>: the carrier's (<c>NumbersRefused</c>) and the
        /// test call's that completed the request with the rest (a test call that sends the whole request back is a sending-back).
        /// </summary>
        public static IQueryable<NumberRefusal> NumberRefusals(AppDbContext db, DateTime fromUtc)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.PortRequestEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.OccurredAtUtc >= fromUtc && (e.Kind == PortRequestEventKind.NumbersRefused
                    || (e.Kind == PortRequestEventKind.TestCallFailed && e.ToStatus == PortRequestStatus.Completed)))
                .Select(e => new NumberRefusal(e.Kind == PortRequestEventKind.TestCallFailed, e.LineCount ?? 0));
        }

        /// <summary>Requests first submitted since <paramref name="fromUtc"/>, with their carrier.</summary>
        public static IQueryable<First> Firsts(AppDbContext db, DateTime fromUtc)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.FirstSubmittedAtUtc >= fromUtc)
                .Select(r => new First(r.Id, r.FirstSubmittedAtUtc!.Value, r.CarrierCode, r.NumberType, r.CarrierOtherName));
        }

        /// <summary>Every first FOC date set since <paramref name="fromUtc"/> (a request dated again later is "moved", another kind).</summary>
        public static IQueryable<Moment> FocDatesSet(AppDbContext db, DateTime fromUtc)
        {
            ArgumentNullException.ThrowIfNull(db);
            return db.PortRequestEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.Kind == PortRequestEventKind.FocDateSet && e.OccurredAtUtc >= fromUtc)
                .Select(e => new Moment(e.PortRequestId, e.OccurredAtUtc));
        }
    }

    public sealed class Handler(AppDbContext db, BusinessCalendar calendar, TimeProvider time, IOptions<SlaOptions> sla) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var today = BusinessCalendar.DateInFrance(now);
            var limits = sla.Value.Limits;
            var cutoffs = SlaCutoffs.At(now, calendar, limits);

            var byStatus = await Queries.ByStatus(db).ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
            var underWay = PortRequestStatuses.UnderWay.ToList();
            var byTurn = await db.PortRequests.IgnoreQueryFilters().Where(r => underWay.Contains(r.Status)).GroupBy(TurnRule.On(today))
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var lateRows = await Queries.Late(db, cutoffs).ToListAsync(cancellationToken);
            var late = lateRows.GroupBy(x => x.Reason).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
            var lateUnassigned = lateRows.Where(x => x.Unassigned).Sum(x => x.Count);

            // The weekly flow: one range count per week and kind, each on an index.
            var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var flow = new List<Week>();
            for (var w = Weeks - 1; w >= 0; w--)
            {
                var monday = thisMonday.AddDays(-7 * w);
                var from = BusinessCalendar.StartOfDayInFranceUtc(monday);
                var to = BusinessCalendar.StartOfDayInFranceUtc(monday.AddDays(7));
                flow.Add(new Week(monday, await Queries.Submissions(db, from, to).CountAsync(cancellationToken),
                    await Queries.Completions(db, from, to).CountAsync(cancellationToken)));
            }

            var windowStart = BusinessCalendar.StartOfDayInFranceUtc(today.AddDays(-WindowDays));
            var days = (await Queries.Spans(db, windowStart).ToListAsync(cancellationToken))
                .Select(s => BusinessCalendar.DateInFrance(s.CompletedAtUtc).DayNumber - BusinessCalendar.DateInFrance(s.FirstSubmittedAtUtc).DayNumber)
                .Order().ToList();
            var durations = new Durations(days.Count, Median(days), Percentile(days, 0.9), days.Count(d => d <= PromiseToDays),
            [
                new(0, 7, days.Count(d => d <= 7)), new(8, 14, days.Count(d => d is >= 8 and <= 14)), new(15, 21, days.Count(d => d is >= 15 and <= 21)),
                new(22, 28, days.Count(d => d is >= 22 and <= 28)), new(29, 35, days.Count(d => d is >= 29 and <= 35)),
                new(36, 42, days.Count(d => d is >= 36 and <= 42)), new(43, null, days.Count(d => d >= 43)),
            ]);

            // Set-based, each query one index range of the window; joined here by request. Everything a request first
            // submitted in the window went through (its FOC dates, its sendings-back) happened in the window too.
            var sentBacks = await Queries.SentBacks(db, windowStart).ToListAsync(cancellationToken);
            var reasons = sentBacks
                .SelectMany(s => s.ReasonCodes.Split(',', StringSplitOptions.RemoveEmptyEntries))
                .Select(c => Enum.TryParse<ReasonCode>(c, out var code) ? code : (ReasonCode?)null).OfType<ReasonCode>()
                .GroupBy(c => c).Select(g => new ReasonCount(g.Key, g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Code).ToList();
            var sentBack = sentBacks.Select(s => s.PortRequestId).ToHashSet();
            var firstDated = new Dictionary<Guid, DateTime>();
            await foreach (var set in Queries.FocDatesSet(db, windowStart).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                if (!firstDated.TryGetValue(set.PortRequestId, out var at) || set.OccurredAtUtc < at)
                {
                    firstDated[set.PortRequestId] = set.OccurredAtUtc;
                }
            }

            var carriers = (await Queries.Firsts(db, windowStart).ToListAsync(cancellationToken)).GroupBy(f => f.CarrierCode)
                .Select(g => new CarrierFigures(g.Key,
                    Carrier.DisplayName(g.First().NumberType, g.Key, g.Key == Carrier.OtherCode ? null : g.First().CarrierOtherName) ?? g.Key ?? "—",
                    g.Count(),
                    Median([.. g.Where(f => firstDated.ContainsKey(f.Id)).Select(f => (firstDated[f.Id] - f.SubmittedAtUtc).TotalDays).Order()]),
                    g.Count(f => sentBack.Contains(f.Id))))
                .OrderByDescending(c => c.Volume).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();

            var refusals = await Queries.NumberRefusals(db, windowStart).ToListAsync(cancellationToken);
            var refusedNumbers = new NumberRefusals(refusals.Where(r => !r.AtTestCall).Sum(r => r.Numbers), refusals.Where(r => r.AtTestCall).Sum(r => r.Numbers));
            return new Model(now, today, byStatus, byTurn, late, flow, durations, reasons, carriers, limits)
            {
                LateUnassigned = lateUnassigned,
                RefusedNumbers = refusedNumbers,
            };
        }
    }

    /// <summary>The middle value (the mean of the two middle ones for an even count) of sorted values; null for none.</summary>
    public static double? Median(IReadOnlyList<int> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
    }

    public static double? Median(IReadOnlyList<double> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? null : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
    }

    /// <summary>The nearest-rank percentile of sorted values (the smallest value with at least <paramref name="share"/> of them at or below it).</summary>
    public static int? Percentile(IReadOnlyList<int> sorted, double share)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>A figure of days as the desk reads it: "12", "12,5".</summary>
    public static string Days(double? value) => value is { } v ? v.ToString("0.#", CultureInfo.CurrentCulture) : "—";
}
