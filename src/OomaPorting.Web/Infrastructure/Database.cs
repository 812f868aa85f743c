using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Infrastructure;

/// <summary>The one provider switch: <c>Database:Provider</c> = <c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
public static class Database
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    /// <summary>The SQLite connection string: <c>ConnectionStrings:Sqlite</c>, else <c>portal.db</c> in the data folder.</summary>
    public static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        var builder = new SqliteConnectionStringBuilder(configured ?? string.Empty);
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            builder.DataSource = Path.Combine(DataFolder(configuration, contentRoot), "portal.db");
        }

        builder.DefaultTimeout = 30;
        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>Where the app keeps its files: <c>App:DataFolder</c>, else <c>App_Data</c> beside the app.</summary>
    public static string DataFolder(IConfiguration configuration, string contentRoot)
    {
        var folder = configuration["App:DataFolder"];
        folder = string.IsNullOrWhiteSpace(folder) ? Path.Combine(contentRoot, "App_Data") : Path.GetFullPath(folder, contentRoot);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>
    /// Contexts come from a pool (options built once, internal services reused): a request leases one, the scope's
    /// end returns it. <see cref="AppDbContext.Lease"/> gives each lease the request's tenant and clean flags.
    /// </summary>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // Composition needs the provider now: read and validated here, with the same rules as at start-up.
        var provider = configuration.ReadValidated<DatabaseOptions>(DatabaseOptions.Section).Provider;
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        switch (provider)
        {
            case Sqlite:
                var sqlite = SqliteConnectionString(configuration, contentRoot);
                services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, o) => o
                    .UseSqlite(sqlite, s => s.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
                    .AddInterceptors(SqlitePragmas.Instance, sp.GetRequiredService<Email.NotificationInterceptor>()));
                AddLeases<SqliteAppDbContext>(services);
                break;
            case SqlServer:
                var sqlServer = configuration.GetConnectionString("SqlServer")
                    ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set.");
                services.AddPooledDbContextFactory<SqlServerAppDbContext>((sp, o) => o
                    .UseSqlServer(sqlServer, s => s.EnableRetryOnFailure())
                    .AddInterceptors(sp.GetRequiredService<Email.NotificationInterceptor>()));
                AddLeases<SqlServerAppDbContext>(services);
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'."); // refused by DatabaseOptions already
        }

        return services;
    }

    private static void AddLeases<TContext>(IServiceCollection services)
        where TContext : AppDbContext
    {
        // One registration only: the scope disposes what it resolved, and a lease must go back to the pool once.
        services.AddScoped<AppDbContext>(sp => AppDbContext.Lease(
            sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext(), sp.GetRequiredService<ICurrentTenant>()));
    }

    /// <summary>
    /// SQLite migrations always apply at start-up (and only when one is pending, see <see cref="SqliteMigrationLock"/>);
    /// SQL Server ones when <c>Database:MigrateOnStartup</c> is true.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var settings = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (settings.Provider == Sqlite)
        {
            await SqlitePragmas.EnableWalAsync(db, ct);
            if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                return;
            }

            var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Database).FullName!);
            await SqliteMigrationLock.ClearStaleAsync(db, TimeSpan.FromMinutes(settings.StaleMigrationLockMinutes),
                scope.ServiceProvider.GetRequiredService<TimeProvider>(), logger, ct);
            await db.Database.MigrateAsync(ct);
        }
        else if (settings.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(ct);
        }
    }
}

/// <summary>
/// SQLite tuned for a web server: WAL (readers never block the writer), a busy timeout so a writer waits for the
/// lock instead of failing with "database is locked", NORMAL sync (durable at checkpoints, safe with WAL), a bounded
/// journal. EF Core opens its transactions with BEGIN IMMEDIATE, so two writers queue instead of deadlocking.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static SqlitePragmas Instance { get; } = new();

    private const string PerConnection =
        "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA journal_size_limit = 67108864;";

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
            command.CommandText = PerConnection;
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
            command.CommandText = PerConnection;
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
