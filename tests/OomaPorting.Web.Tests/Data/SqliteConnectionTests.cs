using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

/// <summary>
/// The pragmas that make SQLite safe under concurrent requests are set once per native connection, not at every
/// open: these tests hold that every connection the portal uses has them, whether new or taken back from the pool.
/// </summary>
public class SqliteConnectionTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private Task<(long BusyTimeout, long ForeignKeys, long Synchronous, long JournalLimit, object Handle)> PragmasOfAPortalContextAsync() =>
        PragmasOfAPortalContextAsync(portal.Factory);

    private static async Task<(long BusyTimeout, long ForeignKeys, long Synchronous, long JournalLimit, object Handle)> PragmasOfAPortalContextAsync(PortalFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            async Task<long> Read(string pragma)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"PRAGMA {pragma};";
                return (long)(await command.ExecuteScalarAsync())!;
            }

            return (await Read("busy_timeout"), await Read("foreign_keys"), await Read("synchronous"), await Read("journal_size_limit"), connection.Handle!);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [SqliteFact]
    public async Task A_pooled_connection_taken_again_still_has_every_pragma()
    {
        var first = await PragmasOfAPortalContextAsync();
        var second = await PragmasOfAPortalContextAsync();

        Assert.Same(first.Handle, second.Handle); // the same native connection, from the pool
        foreach (var p in new[] { first, second })
        {
            Assert.Equal(30000, p.BusyTimeout);
            Assert.Equal(1, p.ForeignKeys);
            Assert.Equal(2, p.Synchronous); // FULL, the default durability
            Assert.Equal(67108864, p.JournalLimit);
        }
    }

    [SqliteFact]
    public async Task A_new_native_connection_after_the_pool_is_cleared_gets_the_pragmas_too()
    {
        var before = await PragmasOfAPortalContextAsync();
        SqliteConnection.ClearAllPools();
        var after = await PragmasOfAPortalContextAsync();

        Assert.NotSame(before.Handle, after.Handle);
        Assert.Equal(30000, after.BusyTimeout);
        Assert.Equal(1, after.ForeignKeys);
        Assert.Equal(2, after.Synchronous);
    }

    [SqliteFact]
    public async Task Durability_normal_in_the_settings_flushes_at_checkpoints_only()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Database:SqliteDurability"] = "Normal" });

        var pragmas = await PragmasOfAPortalContextAsync(factory);

        Assert.Equal(1, pragmas.Synchronous); // NORMAL
        Assert.Equal(30000, pragmas.BusyTimeout);
    }
}
