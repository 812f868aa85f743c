using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>The queue opens on the requests under way and says whose turn each is (issue 17, part 1).</summary>
public class QueueDefaultsTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Fact]
    public async Task The_queue_opens_on_requests_under_way_says_whose_turn_and_shows_finished_ones_when_asked()
    {
        var support = await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent);
        var open = await (await support.GetAsync("/support/portages")).ReadHtmlAsync();
        var statuses = open.QuerySelectorAll("main tbody .status-badge").Select(b => b.TextContent.Trim()).ToList();
        Assert.NotEmpty(statuses);
        Assert.DoesNotContain("Terminée", statuses);
        Assert.DoesNotContain("Annulée", statuses);
        var turns = open.QuerySelectorAll("main tbody td[data-turn]").Select(td => (td.GetAttribute("data-turn"), td.TextContent.Trim())).ToList();
        Assert.Contains(("Carrier", "Opérateur"), turns);   // submitted or FOC dated: the carrier's move
        Assert.Contains(("Customer", "Client"), turns);     // sent back: the customer's move
        Assert.Equal("", open.QuerySelector("#Status option[selected]")?.GetAttribute("value") ?? "");
        Assert.Equal(["", "all"], open.QuerySelectorAll("#Status option").Take(2).Select(o => o.GetAttribute("value")));
        var carriers = open.QuerySelectorAll("#Carrier option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal("", carriers[0]); // "Tous": the carrier filter has no status choices
        Assert.DoesNotContain("all", carriers);

        // Whose turn, as a filter: only the customer's moves.
        var customers = await (await support.GetAsync("/support/portages?Turn=Customer")).ReadHtmlAsync();
        Assert.NotEmpty(customers.QuerySelectorAll("main tbody td[data-turn]"));
        Assert.All(customers.QuerySelectorAll("main tbody td[data-turn]"), td => Assert.Equal("Customer", td.GetAttribute("data-turn")));

        var all = await (await support.GetAsync("/support/portages?Status=all")).ReadHtmlAsync();
        Assert.Contains("Terminée", all.QuerySelectorAll("main tbody .status-badge").Select(b => b.TextContent.Trim()));
        Assert.Equal("all", all.QuerySelector("#Status option[selected]")!.GetAttribute("value"));

        // Looking for one reference finds it whatever its status (a customer calling about an old port).
        var completed = all.QuerySelectorAll("main tbody tr").First(r => r.TextContent.Contains("Terminée", StringComparison.Ordinal))
            .QuerySelector("a")!.TextContent.Trim();
        var found = await (await support.GetAsync("/support/portages?Search=" + completed)).ReadHtmlAsync();
        Assert.Single(found.QuerySelectorAll("main tbody tr"));
    }
}
