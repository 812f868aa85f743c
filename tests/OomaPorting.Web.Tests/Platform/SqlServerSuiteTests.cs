using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// The canary of a run on SQL Server (<see cref="TestDatabase"/>): when a server is given, the portals of the suite
/// really run on it (a misspelt setting would otherwise pass the whole suite on SQLite and prove nothing). Skipped,
/// saying why, where no SQL Server exists.
/// </summary>
public class SqlServerSuiteTests
{
    [SqlServerFact]
    public async Task The_suite_s_portals_run_on_the_sql_server_given_migrated_and_with_the_demo_data()
    {
        using var factory = new PortalFactory();
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);
        Assert.IsType<SqlServerAppDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(File.Exists(factory.DatabasePath));

        // The account search folds case and accents in the domain (SearchName), so it finds the same on both providers.
        var search = Domain.Common.SearchText.Normalize("CABINÉT durand");
        Assert.Equal(1, await db.Accounts.IgnoreQueryFilters().CountAsync(a => a.SearchName.Contains(search)));
    }
}
