using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Infrastructure.Health;

/// <summary>
/// Ready while the portal can write: its data folder's disk has at least <see cref="HealthOptions.MinFreeDiskMegabytes"/>
/// free (the SQLite database, its write-ahead log, e-mail copies, keys and logs live there), and no database write failed
/// for the storage's sake in the last <see cref="StorageHealth.Memory"/>. A SQLite database's file is also checked for
/// this process's right to write at every probe (<see cref="SqliteFaultGuard.WriteRefusal"/>): a refusal is unready at once, and a
/// success forgets a remembered fault whose cause it proves gone, so an instance is ready again within a probe of a
/// permission or a moved file being put right.
/// </summary>
public sealed class StorageHealthCheck(StorageHealth storage, IOptions<HealthOptions> options, IConfiguration configuration, IWebHostEnvironment environment,
    IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Database.DataFolder(configuration, environment.ContentRootPath);
        var free = new DriveInfo(folder).AvailableFreeSpace / (1024 * 1024);
        var minimum = options.Value.MinFreeDiskMegabytes;
        var problems = new List<string>();
        if (free < minimum)
        {
            problems.Add($"{free} MB free on the data folder's disk, below the {minimum} MB writes need (Health:MinFreeDiskMegabytes).");
        }

        var sqlite = services.GetService<SqliteFaultGuard>();
        var refusal = sqlite?.WriteRefusal();
        if (refusal is not null)
        {
            problems.Add($"The database refuses a write: {refusal}.");
        }

        if (storage.RecentFault() is { } cause)
        {
            if (sqlite is not null && problems.Count == 0 && storage.HealsWhenWritable)
            {
                storage.Recovered();
            }
            else if (cause != refusal)
            {
                problems.Add($"A database write failed: {cause}");
            }
        }

        return Task.FromResult(problems.Count > 0
            ? HealthCheckResult.Unhealthy(string.Join(" ", problems))
            : HealthCheckResult.Healthy($"{free} MB free on the data folder's disk."));
    }
}
