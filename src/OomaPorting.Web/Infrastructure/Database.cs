using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
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

        // Connections open the existing file only: a missing file must fail, never become a new, empty database
        // (the start-up alone creates it, CreateSqliteFileIfMissing). SqliteFaultGuard does the rest.
        if (builder.Mode == SqliteOpenMode.ReadWriteCreate)
        {
            builder.Mode = SqliteOpenMode.ReadWrite;
        }

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
        var settings = configuration.ReadValidated<DatabaseOptions>(DatabaseOptions.Section);
        var provider = settings.Provider;
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        switch (provider)
        {
            case Sqlite:
                var sqlite = SqliteConnectionString(configuration, contentRoot);
                services.AddSingleton(sp => new SqliteFaultGuard(sp.GetRequiredService<ILogger<SqliteFaultGuard>>(),
                    sp.GetRequiredService<Health.StorageHealth>(), sqlite));
                services.AddPooledDbContextFactory<SqliteAppDbContext>((sp, o) => o
                    .UseSqlite(sqlite, s => s.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
                    .ConfigureWarnings(CommandErrorsAsWarnings)
                    .AddInterceptors(sp.GetRequiredService<SqliteFaultGuard>(), SqlitePragmas.For(settings.SqliteDurability), sp.GetRequiredService<Email.NotificationInterceptor>(),
                        sp.GetRequiredService<Mandates.MandateSealInterceptor>(), Data.PortLineSetSave.Instance));
                AddLeases<SqliteAppDbContext>(services);
                break;
            case SqlServer:
                var sqlServer = configuration.GetConnectionString("SqlServer")
                    ?? throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set.");
                services.AddPooledDbContextFactory<SqlServerAppDbContext>((sp, o) => o
                    .UseSqlServer(sqlServer, UseSqlServerOptions)
                    .ConfigureWarnings(CommandErrorsAsWarnings)
                    .AddInterceptors(sp.GetRequiredService<Email.NotificationInterceptor>(), sp.GetRequiredService<Mandates.MandateSealInterceptor>(),
                        Data.PortLineSetSave.Instance));
                AddLeases<SqlServerAppDbContext>(services);
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{provider}'."); // refused by DatabaseOptions already
        }

        return services;
    }

    /// <summary>SQL Server's own settings: its migration set here, transient failures retried outside the portal's own transactions.</summary>
    public static void UseSqlServerOptions(SqlServerDbContextOptionsBuilder sqlServer)
    {
        ArgumentNullException.ThrowIfNull(sqlServer);
        sqlServer.ExecutionStrategy(d => new SqlServerRetryOutsideTransactions(d));
    }

    /// <summary>
    /// A failed command is logged as a warning by EF Core, not an error: whoever ran it decides. Some failures are
    /// expected (two instances writing the same reminder or idempotency key: the unique index keeps one, the loser
    /// knows it); any other reaches the request's exception handler or a job's loop, which log it as the error it is.
    /// </summary>
    private static void CommandErrorsAsWarnings(WarningsConfigurationBuilder warnings) =>
        warnings.Log((RelationalEventId.CommandError, LogLevel.Warning), (CoreEventId.SaveChangesFailed, LogLevel.Warning));

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
            CreateSqliteFileIfMissing(db.Database.GetConnectionString()!);
            await SqlitePragmas.EnableWalAsync(db, ct);
            if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                return;
            }

            await RefuseForeignHistoryAsync(db, ct);
            var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Database).FullName!);
            await SqliteMigrationLock.ClearStaleAsync(db, TimeSpan.FromMinutes(settings.StaleMigrationLockMinutes),
                scope.ServiceProvider.GetRequiredService<TimeProvider>(), logger, ct);
            await db.Database.MigrateAsync(ct);
        }
        else if (settings.MigrateOnStartup)
        {
            await RefuseForeignHistoryAsync(db, ct);
            await db.Database.MigrateAsync(ct);
        }
    }

    /// <summary>
    /// Refuses a database whose history names migrations this build does not have (made by a build from before the
    /// squash into one baseline, docs/operations.md): migrating it would fail half-way on tables that already exist.
    /// </summary>
    private static async Task RefuseForeignHistoryAsync(AppDbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var foreign = (await db.Database.GetAppliedMigrationsAsync(ct)).Where(m => !known.Contains(m)).ToList();
        if (foreign.Count > 0)
        {
            throw new InvalidOperationException(
                $"This database was made by another build of the portal: its history names migrations this build does not have ({foreign.Count}, "
                + $"the first {foreign[0]}). A development database made before the migrations were squashed (8 December 2026) is deleted "
                + "and made again at the next start; see docs/operations.md, \"Start-up migrations on SQLite\".");
        }
    }

    /// <summary>The first start makes the database file (empty; the migrations fill it): the one place a file is created.</summary>
    public static void CreateSqliteFileIfMissing(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        if (builder.DataSource is not { Length: > 0 } path || path == ":memory:" || File.Exists(path))
        {
            return;
        }

        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
    }
}
