using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Settings;
using OomaPorting.Web.Infrastructure.Telemetry;

namespace OomaPorting.Web.Features.SupportDashboard;

/// <summary>
/// The gauges an operator watches, read from the database every <see cref="TelemetryOptions.GaugeSeconds"/> (60 s by
/// default) rather than at each export: the outbox's backlog and the age of its oldest pending e-mail, the requests by
/// status (drafts left out), and the late requests by reason, with the desk's own rules (the dashboard's queries).
/// Registered (by the composition root) only with telemetry on.
/// </summary>
public sealed class DeskGauges : PeriodicJob
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<TelemetryOptions> _options;
    private readonly IOptions<SlaOptions> _sla;
    private readonly Meter _meter = new(PortalTelemetry.Name);
    private Snapshot _last = new(0, 0, [], []);

    public DeskGauges(IServiceScopeFactory scopes, TimeProvider time, IOptions<TelemetryOptions> options, IOptions<SlaOptions> sla,
        ILogger<DeskGauges> logger)
        : base(time, logger)
    {
        (_scopes, _options, _sla) = (scopes, options, sla);
        _meter.CreateObservableGauge("oomaporting.outbox.backlog", () => _last.Backlog, "{email}", "E-mails waiting to be sent");
        _meter.CreateObservableGauge("oomaporting.outbox.oldest_age", () => _last.OldestSeconds, "s", "Age of the oldest e-mail waiting");
        _meter.CreateObservableGauge("oomaporting.requests", () => _last.ByStatus, "{request}", "Port requests by status");
        _meter.CreateObservableGauge("oomaporting.requests.late", () => _last.Late, "{request}", "Requests late by the desk's rules, by reason");
    }

    private sealed record Snapshot(long Backlog, double OldestSeconds, Measurement<long>[] ByStatus, Measurement<long>[] Late);

    /// <summary>Reads the gauges now.</summary>
    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending);
        var backlog = await pending.LongCountAsync(ct);
        var oldest = await pending.OrderBy(m => m.CreatedAtUtc).Select(m => (DateTime?)m.CreatedAtUtc).FirstOrDefaultAsync(ct);
        var byStatus = await GetDeskDashboard.Queries.ByStatus(db).ToListAsync(ct);
        var cutoffs = SlaCutoffs.At(now, scope.ServiceProvider.GetRequiredService<BusinessCalendar>(), _sla.Value.Limits);
        var late = (await GetDeskDashboard.Queries.Late(db, cutoffs).ToListAsync(ct)).GroupBy(l => l.Reason);
        _last = new Snapshot(backlog, oldest is { } o ? Math.Max(0, (now - o).TotalSeconds) : 0,
            [.. byStatus.Select(s => new Measurement<long>(s.Count, new KeyValuePair<string, object?>("oomaporting.status", s.Status.ToString())))],
            [.. late.Select(g => new Measurement<long>(g.Sum(l => l.Count), new KeyValuePair<string, object?>("oomaporting.late_reason", g.Key.ToString())))]);
    }

    protected override TimeSpan Period => TimeSpan.FromSeconds(_options.Value.GaugeSeconds);

    protected override string Name => "Reading the telemetry gauges";

    // The last values stay until the next reading: a warning, not an error.
    protected override LogLevel FailureLevel => LogLevel.Warning;

    protected override Task RunOnceAsync(CancellationToken ct) => RefreshAsync(ct);

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }
}
