using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>The queue's account filter ignores case, accents and extra spaces; a typed % or _ is a character, not a wildcard (issue 17, part 1).</summary>
public class QueueAccountFilterTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Theory]
    [InlineData("cabinet", true)]
    [InlineData("CABINET durand", true)]
    [InlineData("  Cabinét   DURAND ", true)]
    [InlineData("%", false)]
    [InlineData("Cabinet_Durand", false)]
    public async Task The_account_filter_ignores_case_and_accents_and_takes_wildcards_literally(string typed, bool findsDurand)
    {
        var support = await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent);
        var page = await (await support.GetAsync("/support/portages?Account=" + Uri.EscapeDataString(typed))).ReadHtmlAsync();
        var rows = page.QuerySelectorAll("main tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(findsDurand, rows.Any(r => r.Contains("Cabinet Durand", StringComparison.Ordinal)));
        Assert.DoesNotContain(rows, r => r.Contains("Boulangerie Martin", StringComparison.Ordinal));
    }
}
