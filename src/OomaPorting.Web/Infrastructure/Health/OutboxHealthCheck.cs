using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Email;

namespace OomaPorting.Web.Infrastructure.Health;

/// <summary>
/// Ready while e-mails leave: fewer than <see cref="HealthOptions.OutboxBacklogLimit"/> waiting and none older than
/// <see cref="HealthOptions.OutboxOldestMinutes"/>. Counted up to the limit only, on the outbox's (Status, NextAttemptAtUtc)
/// index, so that a large backlog does not make the check itself slow.
/// </summary>
public sealed class OutboxHealthCheck(IServiceScopeFactory scopes, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        var pending = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending);
        var backlog = await pending.OrderBy(m => m.NextAttemptAtUtc).Take(limits.OutboxBacklogLimit).CountAsync(cancellationToken);
        if (backlog >= limits.OutboxBacklogLimit)
        {
            return HealthCheckResult.Unhealthy($"At least {limits.OutboxBacklogLimit} e-mails wait in the outbox.");
        }

        var oldest = await pending.OrderBy(m => m.CreatedAtUtc).Select(m => (DateTime?)m.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var age = oldest is { } created ? time.GetUtcNow().UtcDateTime - created : TimeSpan.Zero;
        return age > TimeSpan.FromMinutes(limits.OutboxOldestMinutes)
            ? HealthCheckResult.Unhealthy($"The oldest e-mail has waited {age.TotalMinutes:0} minutes.")
            : HealthCheckResult.Healthy(backlog == 1 ? "1 e-mail waiting." : $"{backlog} e-mails waiting.");
    }
}
