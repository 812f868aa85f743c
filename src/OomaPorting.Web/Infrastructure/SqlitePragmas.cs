using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// SQLite tuned for a web server: WAL (readers never block the writer), a busy timeout so a writer waits for the
/// lock instead of failing with "database is locked", the durability the settings ask for (<see cref="SqliteDurability"/>:
/// FULL by default, every commit flushed), a bounded journal. EF Core opens its transactions with BEGIN IMMEDIATE, so
/// two writers queue instead of deadlocking.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    /// <summary>The default: <see cref="SqliteDurability.Full"/>.</summary>
    public static SqlitePragmas Instance { get; } = new(SqliteDurability.Full);

    private static readonly SqlitePragmas NormalInstance = new(SqliteDurability.Normal);

    private readonly string _perConnection;

    private SqlitePragmas(SqliteDurability durability) =>
        _perConnection = $"PRAGMA busy_timeout = 30000; PRAGMA synchronous = {(durability == SqliteDurability.Normal ? "NORMAL" : "FULL")}; "
            + "PRAGMA foreign_keys = ON; PRAGMA journal_size_limit = 67108864;";

    /// <summary>The interceptor for a durability setting (one per setting, so each keeps its own record of configured handles).</summary>
    public static SqlitePragmas For(SqliteDurability durability) => durability == SqliteDurability.Normal ? NormalInstance : Instance;

    // A pooled connection keeps its native handle, and the pragmas above are per handle: set them when the handle is
    // new, not at every open (EF Core opens a pooled connection for each query, so a page would parse and run these
    // four statements three times). The table forgets a handle when the pool disposes it.
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsNew(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _perConnection;
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (IsNew(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _perConnection;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    private bool IsNew(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !_configured.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            _configured.AddOrUpdate(handle, Marker);
        }
    }

    /// <summary>WAL is a property of the database file: set once, it stays.</summary>
    public static async Task EnableWalAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
