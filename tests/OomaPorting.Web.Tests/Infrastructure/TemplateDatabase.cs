using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// One migrated and seeded data folder per test process and clock, copied into each new portal's folder before it
/// starts: a portal then starts without running the migrations, hashing the demo passwords or making its mandate
/// secrets (about 1.5 s of each start before). The template is made by a real start of the portal, so what a test finds
/// is exactly what a start from nothing gives. Used only on SQLite, for a folder without a database, with the demo
/// data on and no mandate key of the test's own; <see cref="PortalFactory.FromTemplate"/> false opts out (tests of the
/// start itself).
/// </summary>
public static class TemplateDatabase
{
    /// <summary>The PBKDF2 iterations of test portals' password hashes (the template's demo people included).</summary>
    public const int PasswordIterations = 1_000;

    private static readonly ConcurrentDictionary<string, Lazy<string>> Templates = new();

    private static readonly string Root = Path.Combine(TestFolders.Root, "templates");

    /// <summary>Fills <paramref name="factory"/>'s empty data folder from the template for its clock, when it may.</summary>
    public static void CopyInto(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (TestDatabase.OnSqlServer || File.Exists(factory.DatabasePath)
            || !string.Equals(factory.Settings.GetValueOrDefault("DemoData:Enabled"), "true", StringComparison.OrdinalIgnoreCase)
            || factory.Settings.Keys.Any(k => k.StartsWith("Mandate:", StringComparison.Ordinal)))
        {
            return;
        }

        var start = factory.Clock?.GetUtcNow();
        var key = start is { } at ? at.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "system-clock";
        var template = Templates.GetOrAdd(key, k => new Lazy<string>(() => Make(k, start))).Value;
        foreach (var file in Directory.EnumerateFiles(template))
        {
            File.Copy(file, Path.Combine(factory.DataFolder, Path.GetFileName(file)), overwrite: false);
        }
    }

    /// <summary>Starts a portal on a folder of its own at <paramref name="start"/> (the system clock when null), then keeps its database and secrets.</summary>
    private static string Make(string key, DateTimeOffset? start)
    {
        var folder = Path.Combine(Root, "start-" + key);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        var building = folder + ".building";
        using (var portal = new PortalFactory(building)
        {
            FromTemplate = false,
            Clock = start is { } at ? new FakeTimeProvider(at) : null,
        })
        {
            _ = portal.Services; // the start: migrations, roles, demo data, mandate secrets
        }

        // Everything in the database file itself: no write-ahead log to copy alongside.
        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(building, "portal.db")};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(building).Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        Directory.Delete(building, recursive: true);
        return folder;
    }
}
