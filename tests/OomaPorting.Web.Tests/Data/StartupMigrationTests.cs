using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using OomaPorting.Web.Infrastructure;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

/// <summary>
/// A start interrupted while EF Core held its SQLite migration lock must not stop every later start (EF Core would
/// wait for the orphaned lock row forever), and an ordinary start must not take or wait for that lock at all.
/// </summary>
public class StartupMigrationTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private static void WriteLock(string databasePath, DateTimeOffset takenAt)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE IF NOT EXISTS "{SqliteMigrationLock.Table}" ("Id" INTEGER NOT NULL CONSTRAINT "PK_{SqliteMigrationLock.Table}" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            DELETE FROM "{SqliteMigrationLock.Table}";
            INSERT INTO "{SqliteMigrationLock.Table}" ("Id", "Timestamp") VALUES (1, $at);
            """;
        command.Parameters.AddWithValue("$at", takenAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    private static long LockRows(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{SqliteMigrationLock.Table}\";";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<HttpStatusCode> HealthWithinLimitAsync(PortalFactory factory) =>
        (await Task.Run(() => factory.CreateClient().GetAsync("/health")).WaitAsync(StartLimit)).StatusCode;

    [SqliteFact]
    public async Task An_orphaned_lock_left_by_a_killed_start_is_removed_and_the_migrations_apply()
    {
        var folder = TestFolders.New();
        Directory.CreateDirectory(folder);
        WriteLock(Path.Combine(folder, "portal.db"), DateTimeOffset.UtcNow.AddHours(-1)); // a new database: every migration is pending

        using var factory = new PortalFactory(folder);
        Assert.Equal(HttpStatusCode.OK, await HealthWithinLimitAsync(factory));
        Assert.Equal(0, LockRows(factory.DatabasePath));
        Assert.Contains(factory.Logs.Lines(), l => l.StartsWith("Removed a database migration lock", StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();
    }

    [SqliteFact]
    public async Task A_start_with_nothing_to_migrate_neither_waits_for_nor_touches_a_lock()
    {
        string folder;
        using (var first = new PortalFactory())
        {
            Assert.Equal(HttpStatusCode.OK, await HealthWithinLimitAsync(first));
            folder = first.DataFolder;
        }

        // Another instance is (or was, a minute ago) migrating: not this start's business, since nothing is pending here.
        WriteLock(Path.Combine(folder, "portal.db"), DateTimeOffset.UtcNow.AddMinutes(-1));
        using var second = new PortalFactory(folder, new Dictionary<string, string?> { ["DemoData:Enabled"] = "false" });
        Assert.Equal(HttpStatusCode.OK, await HealthWithinLimitAsync(second));
        Assert.Equal(1, LockRows(second.DatabasePath));
        Assert.DoesNotContain(second.Logs.Lines(), l => l.Contains("migration lock", StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();
    }
}
