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

    /// <summary>
    /// A database made by a build from before the migrations were squashed into one baseline refuses to start with words
    /// that say what it is and what to do, instead of failing half-way through the baseline on tables that exist.
    /// </summary>
    [SqliteFact]
    public async Task A_database_made_by_a_build_before_the_squash_is_refused_with_words_that_say_what_to_do()
    {
        var folder = TestFolders.New();
        Directory.CreateDirectory(folder);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "portal.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261124090000_Initial', '10.0.0');
                CREATE TABLE "PortRequests" ("Id" TEXT NOT NULL PRIMARY KEY);
                """;
            command.ExecuteNonQuery();
        }

        using var factory = new PortalFactory(folder);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => Task.Run(() => factory.CreateClient()).WaitAsync(StartLimit));
        Assert.Contains("made by another build of the portal", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("20261124090000_Initial", refused.ToString(), StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
    }

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
