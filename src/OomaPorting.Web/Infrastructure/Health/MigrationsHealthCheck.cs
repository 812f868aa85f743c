using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OomaPorting.Web.Infrastructure.Health;

/// <summary>
/// Ready once every migration this build knows is applied to the database. Once they are, they stay applied (a newer
/// instance only adds its own): the answer is then remembered and costs nothing.
/// </summary>
public sealed class MigrationsHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    private volatile bool _applied;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_applied)
        {
            return HealthCheckResult.Healthy();
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.AppDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
        if (pending > 0)
        {
            return HealthCheckResult.Unhealthy(pending == 1 ? "1 migration not applied." : $"{pending} migrations not applied.");
        }

        _applied = true;
        return HealthCheckResult.Healthy();
    }
}
