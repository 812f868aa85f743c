using System.Globalization;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// EF Core guards SQLite migrations with a row in <c>__EFMigrationsLock</c>. A process killed while it holds the row
/// (a SIGKILL or an eviction during start-up) leaves it behind, and every later start then waits for it forever: the
/// load test's restarts found exactly that. The portal therefore only migrates when a migration is pending (an
/// ordinary start takes no lock at all), and treats a row older than <c>Database:StaleMigrationLockMinutes</c>
/// (default 10) as the leftover of an interrupted start: it is removed, with a warning in the log.
/// </summary>
public static class SqliteMigrationLock
{
    public const string Table = "__EFMigrationsLock";

    /// <summary>When the lock was taken, or null when nobody holds it.</summary>
    private static async Task<DateTimeOffset?> TakenAtAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await using var exists = connection.CreateCommand();
        exists.CommandText = $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{Table}';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT \"Timestamp\" FROM \"{Table}\" LIMIT 1;";
        return await read.ExecuteScalarAsync(ct) switch
        {
            null or DBNull => null,
            var value => DateTimeOffset.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var at) ? at : DateTimeOffset.MinValue,
        };
    }

    /// <summary>
    /// Before migrating: waits while another start holds a recent lock, removes one older than the limit. Returns
    /// when the lock is free.
    /// </summary>
    public static async Task ClearStaleAsync(AppDbContext db, TimeSpan maxAge, TimeProvider time, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var warned = false;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            while (await TakenAtAsync(db, ct) is { } takenAt)
            {
                var age = time.GetUtcNow() - takenAt;
                if (age > maxAge)
                {
                    await using var delete = db.Database.GetDbConnection().CreateCommand();
                    delete.CommandText = $"DELETE FROM \"{Table}\";";
                    await delete.ExecuteNonQueryAsync(ct);
                    logger.LogWarning("Removed a database migration lock taken at {TakenAt:u}, older than {MaxAgeMinutes} minutes: "
                        + "a start was interrupted while migrating", takenAt, maxAge.TotalMinutes);
                    return;
                }

                if (!warned)
                {
                    logger.LogWarning("A database migration lock taken at {TakenAt:u} is held: waiting for it to be released, "
                        + "or to be older than {MaxAgeMinutes} minutes", takenAt, maxAge.TotalMinutes);
                    warned = true;
                }

                await Task.Delay(TimeSpan.FromSeconds(2), time, ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
