using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>Support's history tells reasons in words, never as code names (issue 17, part 1).</summary>
public class HistoryWordingTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task A_send_back_in_the_history_shows_its_reasons_as_sentences()
    {
        Guid id;
        using (var scope = portal.Factory.Services.CreateScope())
        {
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PortRequests.IgnoreQueryFilters()
                .Where(r => r.Status == PortRequestStatus.ActionRequired).Select(r => r.Id).FirstAsync();
        }

        var support = await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent);
        var page = await (await support.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        var reasons = page.QuerySelector("[data-reasons]")!.TextContent;
        Assert.Contains("Le nom du titulaire ne correspond pas à celui connu de l'opérateur.", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("HolderMismatch", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
