namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// A background job that runs once at start, then every <see cref="Period"/>, on every instance, until the host stops.
/// A failed run is logged (<see cref="FailureLevel"/>) and the next run tries again; stopping the host ends the wait
/// and a run under way without an error.
/// </summary>
public abstract class PeriodicJob(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    /// <summary>The time between the end of a run and the start of the next.</summary>
    protected abstract TimeSpan Period { get; }

    /// <summary>What the job does, as its log lines name it ("Deleting old drafts").</summary>
    protected abstract string Name { get; }

    protected virtual LogLevel FailureLevel => LogLevel.Error;

    /// <summary>False: the job does not run at all on this instance.</summary>
    protected virtual bool Enabled => true;

    /// <summary>One run.</summary>
    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Logger.Log(FailureLevel, e, "{Job} failed; it runs again in {Period}", Name, Period);
            }

            try
            {
                await Task.Delay(Period, Time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
