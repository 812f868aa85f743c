using System.Globalization;

namespace OomaPorting.Web.Features.SupportDashboard;

/// <summary>
/// The dashboard's figures and charts, kept per language and per instance, never shown more than <see cref="Lifetime"/>
/// old: the database computes them at most twice a minute however many agents look. Past <see cref="RefreshAfter"/>,
/// the figures in hand are served and one refresh runs in the background, early enough to finish before they expire
/// even when a computation takes seconds (five under load on a million requests), so that under steady use nobody
/// waits; only a first visit, or one after a quiet minute, computes while it waits, and one request computes for all
/// who arrive meanwhile (no stampede).
/// </summary>
public sealed class DeskDashboardCache(TimeProvider time, IServiceScopeFactory scopes, ILogger<DeskDashboardCache> logger) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan RefreshAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, (DateTimeOffset At, GetDeskDashboard.Model Model, DeskCharts.Drawings Charts)> _entries = [];
    private readonly HashSet<string> _refreshing = [];

    public async Task<(GetDeskDashboard.Model Model, DeskCharts.Drawings Charts)> GetAsync(string culture, CancellationToken ct)
    {
        if (Entry(culture) is { } entry && time.GetUtcNow() - entry.At < Lifetime)
        {
            if (time.GetUtcNow() - entry.At >= RefreshAfter)
            {
                RefreshInBackground(culture);
            }

            return (entry.Model, entry.Charts);
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (Entry(culture) is { } computedMeanwhile && time.GetUtcNow() - computedMeanwhile.At < Lifetime)
            {
                return (computedMeanwhile.Model, computedMeanwhile.Charts);
            }

            return await ComputeAsync(culture, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private (DateTimeOffset At, GetDeskDashboard.Model Model, DeskCharts.Drawings Charts)? Entry(string culture)
    {
        lock (_entries)
        {
            return _entries.TryGetValue(culture, out var entry) ? entry : null;
        }
    }

    private void RefreshInBackground(string culture)
    {
        lock (_entries)
        {
            if (!_refreshing.Add(culture))
            {
                return;
            }
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await _gate.WaitAsync();
                try
                {
                    if (Entry(culture) is not { } entry || time.GetUtcNow() - entry.At >= RefreshAfter)
                    {
                        await ComputeAsync(culture, CancellationToken.None);
                    }
                }
                finally
                {
                    _gate.Release();
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The figures in hand stay until they are a minute old; then a visit computes them again.
                logger.LogWarning(e, "The desk dashboard could not be refreshed in the background");
            }
            finally
            {
                lock (_entries)
                {
                    _refreshing.Remove(culture);
                }
            }
        });
    }

    /// <summary>Figures from a scope of its own (a background refresh outlives the request that started it), charts in <paramref name="culture"/>.</summary>
    private async Task<(GetDeskDashboard.Model Model, DeskCharts.Drawings Charts)> ComputeAsync(string culture, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var figures = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetDeskDashboard.Query(), ct);
        var before = CultureInfo.CurrentUICulture;
        DeskCharts.Drawings charts;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            charts = DeskCharts.Draw(figures, scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>());
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        lock (_entries)
        {
            _entries[culture] = (time.GetUtcNow(), figures, charts);
        }

        return (figures, charts);
    }
}
