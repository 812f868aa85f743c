using System.Net;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

/// <summary>
/// The e-mail viewer of Development shows every account's e-mails: on a staging site run in Development with real
/// data, only support agents may open it (issue 14, point 21).
/// </summary>
public class DevelopmentPagesTests
{
    [Fact]
    public async Task In_development_only_support_agents_read_the_e_mails_of_every_account()
    {
        using var factory = new PortalFactory { EnvironmentName = "Development" };

        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var user = await PortalClient.SignedInAsync(factory, DemoData.DurandUser);
        var support = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);

        var refused = await admin.GetAsync("/dev/courriels");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var words = (await refused.ReadHtmlAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains("réservée à l'équipe support d'Ooma", words, StringComparison.Ordinal); // issue 36, point 15
        Assert.DoesNotContain("administrateurs du compte", words, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/dev/courriels")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync("/dev/courriels")).StatusCode);
    }
}
