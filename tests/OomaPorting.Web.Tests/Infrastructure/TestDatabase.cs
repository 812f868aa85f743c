using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// Which database the HTTP and slice tests run on. SQLite (a file per portal) unless
/// <c>OOMAPORTING_TEST_SQLSERVER</c> holds a connection string to a SQL Server: then every <see cref="PortalFactory"/>
/// gets a database of its own on that server (named after its data folder, so a restart on the same folder finds its
/// data), created by the SQL Server migrations at start. Tests of SQLite itself (its file, pragmas, processes) are
/// skipped there (<see cref="SqliteFactAttribute"/>); the SQL Server canary is skipped here (<see cref="SqlServerFactAttribute"/>).
/// </summary>
public static class TestDatabase
{
    public const string Variable = "OOMAPORTING_TEST_SQLSERVER";

    public const string NoSqlServer =
        "No SQL Server here: set " + Variable + " to a server's connection string to run the whole suite on SQL Server as well.";

    public const string SqliteOnly = "SQLite itself (its file, pragmas, backup or processes): not run when the suite runs on SQL Server.";

    private static readonly Lazy<bool> Tidied = new(DropStaleDatabases);

    /// <summary>The server's connection string (no database named), or null when the suite runs on SQLite.</summary>
    public static string? SqlServer => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool OnSqlServer => SqlServer is not null;

    /// <summary>The settings a portal on <paramref name="dataFolder"/> needs for the chosen provider (none for SQLite).</summary>
    public static Dictionary<string, string?> SettingsFor(string dataFolder)
    {
        if (SqlServer is not { } server)
        {
            return [];
        }

        _ = Tidied.Value;
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = Database.SqlServer,
            ["Database:MigrateOnStartup"] = "true",
            ["ConnectionStrings:SqlServer"] = new SqlConnectionStringBuilder(server) { InitialCatalog = NameFor(dataFolder) }.ConnectionString,
        };
    }

    /// <summary>A context of the test's own on a portal's database, filtered to <paramref name="tenant"/> (null: support's view).</summary>
    public static AppDbContext ContextFor(PortalFactory factory, ICurrentTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(factory);
        AppDbContext context = SqlServer is null
            ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite($"Data Source={factory.DatabasePath}").AddInterceptors(SqlitePragmas.Instance).Options)
            : new SqlServerAppDbContext(new DbContextOptionsBuilder<SqlServerAppDbContext>()
                .UseSqlServer(SettingsFor(factory.DataFolder)["ConnectionStrings:SqlServer"]).Options);
        context.Tenant = tenant;
        return context;
    }

    /// <summary>Adds an interceptor to whichever context the portal uses.</summary>
    public static void AddInterceptor(IServiceCollection services, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor interceptor)
    {
        services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(interceptor));
        services.ConfigureDbContext<SqlServerAppDbContext>(o => o.AddInterceptors(interceptor));
    }

    private static string NameFor(string dataFolder) =>
        "ooma_test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataFolder))))[..20];

    /// <summary>Test databases of earlier runs (a day old) are dropped once per run; today's are left for inspection.</summary>
    private static bool DropStaleDatabases()
    {
        using var connection = new SqlConnection(new SqlConnectionStringBuilder(SqlServer) { InitialCatalog = "master" }.ConnectionString);
        connection.Open();
        var stale = new List<string>();
        using (var find = connection.CreateCommand())
        {
            find.CommandText = "SELECT name FROM sys.databases WHERE name LIKE 'ooma[_]test[_]%' AND create_date < DATEADD(day, -1, GETDATE())";
            using var reader = find.ExecuteReader();
            while (reader.Read())
            {
                stale.Add(reader.GetString(0));
            }
        }

        foreach (var name in stale)
        {
            using var drop = connection.CreateCommand();
            drop.CommandText = $"ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}];";
            drop.ExecuteNonQuery();
        }

        return true;
    }
}
