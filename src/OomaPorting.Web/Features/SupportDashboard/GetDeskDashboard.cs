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
    }

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

    public sealed class Handler(AppDbContext db, BusinessCalendar calendar, TimeProvider time, IOptions<SlaOptions> sla) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var today = BusinessCalendar.DateInFrance(now);
            var limits = sla.Value.Limits;
            var cutoffs = SlaCutoffs.At(now, calendar, limits);
            var requests = db.PortRequests.IgnoreQueryFilters().AsNoTracking();
            var events = db.PortRequestEvents.IgnoreQueryFilters().AsNoTracking();

            var byStatus = await requests.Where(r => r.Status != PortRequestStatus.Draft).GroupBy(r => r.Status)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            var byTurn = byStatus.Where(s => s.Key.IsUnderWay()).GroupBy(s => s.Key.WhoseTurn()).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));

            var underWay = PortRequestStatuses.UnderWay.ToList();
            var late = await requests.Where(r => underWay.Contains(r.Status)).Select(cutoffs.Reason()).Where(x => x != LateReason.None)
                .GroupBy(x => x).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

            // The weekly flow: one range count per week and kind, each on an index.
            var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            var flow = new List<Week>();
            for (var w = Weeks - 1; w >= 0; w--)
            {
                var monday = thisMonday.AddDays(-7 * w);
                var from = BusinessCalendar.StartOfDayInFranceUtc(monday);
                var to = BusinessCalendar.StartOfDayInFranceUtc(monday.AddDays(7));
                var submitted = await events.CountAsync(e => e.Kind == PortRequestEventKind.Submitted && e.OccurredAtUtc >= from && e.OccurredAtUtc < to, cancellationToken);
                var completed = await requests.CountAsync(r => r.CompletedAtUtc >= from && r.CompletedAtUtc < to, cancellationToken);
                flow.Add(new Week(monday, submitted, completed));
            }

            var windowStart = BusinessCalendar.StartOfDayInFranceUtc(today.AddDays(-WindowDays));

            // Durations: completed in the window, from their first submission (the "Submitted" event; later ones are resubmissions).
            var spans = await requests.Where(r => r.CompletedAtUtc >= windowStart)
                .Select(r => new
                {
                    Completed = r.CompletedAtUtc!.Value,
                    Submitted = events.Where(e => e.PortRequestId == r.Id && e.Kind == PortRequestEventKind.Submitted).Select(e => e.OccurredAtUtc).First(),
                })
                .ToListAsync(cancellationToken);
            var days = spans.Select(s => BusinessCalendar.DateInFrance(s.Completed).DayNumber - BusinessCalendar.DateInFrance(s.Submitted).DayNumber).Order().ToList();
            var durations = new Durations(days.Count, Median(days), Percentile(days, 0.9), days.Count(d => d <= PromiseToDays),
            [
                new(0, 7, days.Count(d => d <= 7)), new(8, 14, days.Count(d => d is >= 8 and <= 14)), new(15, 21, days.Count(d => d is >= 15 and <= 21)),
                new(22, 28, days.Count(d => d is >= 22 and <= 28)), new(29, 35, days.Count(d => d is >= 29 and <= 35)),
                new(36, 42, days.Count(d => d is >= 36 and <= 42)), new(43, null, days.Count(d => d >= 43)),
            ]);

            // Why requests were sent back (by support or after a failed test call) in the window.
            var codes = await events.Where(e => e.OccurredAtUtc >= windowStart && e.ReasonCodes != null
                    && (e.Kind == PortRequestEventKind.ActionRequired || e.Kind == PortRequestEventKind.TestCallFailed))
                .Select(e => e.ReasonCodes!).ToListAsync(cancellationToken);
            var reasons = codes.SelectMany(c => c.Split(',', StringSplitOptions.RemoveEmptyEntries))
                .Select(c => Enum.TryParse<ReasonCode>(c, out var code) ? code : (ReasonCode?)null).OfType<ReasonCode>()
                .GroupBy(c => c).Select(g => new ReasonCount(g.Key, g.Count())).OrderByDescending(r => r.Count).ThenBy(r => r.Code).ToList();

            // Each carrier: the requests first submitted in the window, when they were first dated, whether they were sent back.
            var firsts = await events.Where(e => e.Kind == PortRequestEventKind.Submitted && e.OccurredAtUtc >= windowStart)
                .Select(e => new
                {
                    Submitted = e.OccurredAtUtc,
                    Request = requests.Where(r => r.Id == e.PortRequestId).Select(r => new { r.CarrierCode, r.NumberType, r.CarrierOtherName }).First(),
                    Dated = events.Where(d => d.PortRequestId == e.PortRequestId && d.Kind == PortRequestEventKind.FocDateSet).Min(d => (DateTime?)d.OccurredAtUtc),
                    SentBack = events.Any(d => d.PortRequestId == e.PortRequestId && d.ReasonCodes != null
                        && (d.Kind == PortRequestEventKind.ActionRequired || d.Kind == PortRequestEventKind.TestCallFailed)),
                })
                .ToListAsync(cancellationToken);
            var carriers = firsts.GroupBy(f => f.Request.CarrierCode)
                .Select(g => new CarrierFigures(g.Key,
                    Carrier.DisplayName(g.First().Request.NumberType, g.Key, g.Key == Carrier.OtherCode ? null : g.First().Request.CarrierOtherName) ?? g.Key ?? "—",
                    g.Count(),
                    Median([.. g.Where(f => f.Dated is not null).Select(f => (f.Dated!.Value - f.Submitted).TotalDays).Order()]),
                    g.Count(f => f.SentBack)))
                .OrderByDescending(c => c.Volume).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();

            return new Model(now, today, byStatus, byTurn, late, flow, durations, reasons, carriers, limits);
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
