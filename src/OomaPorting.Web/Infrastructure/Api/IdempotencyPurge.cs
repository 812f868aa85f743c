namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>Deletes the kept answers of idempotent calls once they are older than <see cref="IdempotencyAttribute.KeepFor"/>; hourly, on every instance.</summary>
public sealed class IdempotencyPurge(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyPurge> logger) : PeriodicJob(time, logger)
{
    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override string Name => "Deleting kept answers of idempotent API calls";

    /// <summary>Deletes what is due now; answers how many went.</summary>
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = Time.GetUtcNow().UtcDateTime - IdempotencyAttribute.KeepFor;
        return await db.IdempotencyRecords.Where(r => r.CreatedAtUtc < before).ExecuteDeleteAsync(ct);
    }

    protected override Task RunOnceAsync(CancellationToken ct) => PurgeAsync(ct);
}
