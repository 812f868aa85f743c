using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;
using OomaPorting.Web.Tests.Security;

namespace OomaPorting.Web.Tests.Performance;

/// <summary>
/// How many SQL commands each page costs (the session read included), counted by an EF Core interceptor: a page that
/// starts querying per row (N+1) fails here long before it shows in a load test.
/// </summary>
public class SqlCommandBudgetTests
{
    /// <summary>The budget: 3 commands per page, the session read included.</summary>
    private const int Budget = 3;

    [Fact]
    public async Task Every_page_stays_within_its_sql_command_budget()
    {
        var counter = new SqlCommandCounter();
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Email:DispatcherEnabled"] = "false" })
        {
            ConfigureServices = s => s.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(counter)),
        };
        var clients = new Dictionary<Role, HttpClient>
        {
            [Role.Anonymous] = PortalClient.Anonymous(factory),
            [Role.MartinAdmin] = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin),
            [Role.Support] = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent),
        };
        Guid id;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            id = await db.PortRequests.IgnoreQueryFilters().Where(r => r.Status == Domain.Porting.PortRequestStatus.FocConfirmed)
                .Join(db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Boulangerie Martin"), r => r.AccountId, a => a.Id, (r, _) => r.Id)
                .SingleAsync();
        }

        var over = new List<string>();
        var measured = 0;
        foreach (var (route, access) in AccessMatrixTests.Matrix.Where(m => m.Key.StartsWith("GET ", StringComparison.Ordinal)))
        {
            var pattern = route[4..];
            var role = access switch
            {
                Access.Support => Role.Support,
                Access.Member or Access.Admin or Access.SignedIn => Role.MartinAdmin,
                Access.Public or Access.ErrorPage or Access.Health => Role.Anonymous,
                _ => (Role?)null,
            };
            if (role is null)
            {
                continue;
            }

            var path = pattern.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal) + (pattern == "/portabilite" ? "?Number=0123456789" : string.Empty);
            await clients[role.Value].GetAsync(path);
            counter.Reset();
            var response = await clients[role.Value].GetAsync(path);
            var count = counter.Count;
            measured++;
            if (count > Budget)
            {
                over.Add($"{path} ({(int)response.StatusCode}): {count} commands, budget {Budget}");
            }
        }

        Assert.True(measured >= 15, $"Only {measured} pages measured.");
        Assert.True(over.Count == 0, string.Join("\n", over));
    }
}
