using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

/// <summary>Accounts stored before their search name existed (the migration leaves it empty) get it at start-up.</summary>
public class SearchNameBackfillTests
{
    [Fact]
    public async Task Accounts_without_a_search_name_get_it_and_a_second_run_has_nothing_to_do()
    {
        using var factory = new PortalFactory();
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().Accounts.IgnoreQueryFilters()
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.SearchName, string.Empty));
        }

        Assert.Equal(2, await SearchNameBackfill.RunAsync(factory.Services));
        Assert.Equal(0, await SearchNameBackfill.RunAsync(factory.Services));
        using var check = factory.Services.CreateScope();
        var names = await check.ServiceProvider.GetRequiredService<AppDbContext>().Accounts.IgnoreQueryFilters()
            .OrderBy(a => a.SearchName).Select(a => a.SearchName).ToListAsync();
        Assert.Equal(["boulangerie martin", "cabinet durand"], names);
    }
}
