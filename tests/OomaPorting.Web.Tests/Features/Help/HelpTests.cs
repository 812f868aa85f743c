using System.Net;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Help;

/// <summary>
/// Customers are sent to a real person: "Aide et contact" shows the desk's phone, hours and e-mail from configuration,
/// and the Telo/Hub page gives them instead of a menu that does not exist (issue 14, point 8).
/// </summary>
public sealed class HelpTests : IDisposable
{
    // Tuesday 1 December 2026, 10:00 in Paris: a working day, during opening hours.
    private readonly PortalFactory _portal = new(settings: new Dictionary<string, string?>
    {
        ["SupportContact:Phone"] = "01 99 00 45 67",
        ["SupportContact:Email"] = "portage@ooma.test",
        ["SupportContact:Opens"] = "08:30",
        ["SupportContact:Closes"] = "17:00",
    })
    { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task The_help_page_shows_the_configured_phone_hours_and_email_to_anyone()
    {
        var response = await PortalClient.Anonymous(_portal).GetAsync("/aide");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contact = (await response.ReadHtmlAsync()).QuerySelector("[data-contact]")!;
        Assert.Equal("tel:+33199004567", contact.QuerySelector("a[href^='tel:']")?.GetAttribute("href"));
        Assert.Contains("01 99 00 45 67", contact.TextContent, StringComparison.Ordinal);
        Assert.Contains("du lundi au vendredi (hors jours fériés), de 8 h 30 à 17 h, heure de Paris — ouvert en ce moment", contact.TextContent, StringComparison.Ordinal);
        Assert.Equal("mailto:portage@ooma.test", contact.QuerySelector("a[href^='mailto:']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_telo_hub_page_gives_the_desks_contact_not_a_menu_that_does_not_exist()
    {
        var admin = await PortalClient.SignedInAsync(_portal, DemoData.BoulangerieAdmin);

        var page = await (await admin.GetAsync("/portage/telo-hub")).ReadHtmlAsync();

        Assert.DoesNotContain("menu Aide", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("01 99 00 45 67", page.QuerySelector("main [data-contact]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/aide']"));
    }

    [Fact]
    public async Task Without_a_phone_configured_the_page_gives_the_email_and_says_when_it_is_closed()
    {
        using var portal = new PortalFactory { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero)) }; // a Saturday

        var contact = (await (await PortalClient.Anonymous(portal).GetAsync("/aide")).ReadHtmlAsync()).QuerySelector("[data-contact]")!;

        Assert.Null(contact.QuerySelector("a[href^='tel:']"));
        Assert.Contains("fermé en ce moment", contact.TextContent, StringComparison.Ordinal);
        Assert.Equal("mailto:loa@ooma.com", contact.QuerySelector("a[href^='mailto:']")?.GetAttribute("href"));
    }
}
