namespace OomaPorting.Web.Features.SupportDashboard;

/// <summary>
/// The dashboard's figures and charts, kept at most <see cref="Lifetime"/> per language and per instance: the desk sees
/// figures a minute old at worst, and the database computes them once a minute however many agents look. One request
/// computes while the others wait for it (no stampede on a cold cache).
/// </summary>
public sealed class DeskDashboardCache(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (DateTimeOffset At, GetDeskDashboard.Model Model, DeskCharts.Drawings Charts)> _entries = [];

    public async Task<(GetDeskDashboard.Model Model, DeskCharts.Drawings Charts)> GetAsync(string culture,
        Func<CancellationToken, Task<(GetDeskDashboard.Model, DeskCharts.Drawings)>> compute, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (Fresh(culture) is { } hit)
        {
            return hit;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (Fresh(culture) is { } computedMeanwhile)
            {
                return computedMeanwhile;
            }

            var (model, charts) = await compute(ct);
            lock (_entries)
            {
                _entries[culture] = (time.GetUtcNow(), model, charts);
            }

            return (model, charts);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private (GetDeskDashboard.Model, DeskCharts.Drawings)? Fresh(string culture)
    {
        lock (_entries)
        {
            return _entries.TryGetValue(culture, out var entry) && time.GetUtcNow() - entry.At < Lifetime ? (entry.Model, entry.Charts) : null;
        }
    }
}
