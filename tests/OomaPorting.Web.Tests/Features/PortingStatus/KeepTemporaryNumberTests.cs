using System.Net;
using OomaPorting.Domain.Numbers;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingStatus;

/// <summary>
/// Keeping the temporary number after submission (issue 14, point 15): the admin asks on the request page, or support
/// on the customer's word, until the test call; it is in the history, on the Postes tab, and in what completion does.
/// </summary>
public class KeepTemporaryNumberTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private const string DurandTemporary = "09 72 40 50 60";

    private static async Task<(Guid Id, Wizard Wizard)> DurandSubmittedAsync(PortalFactory factory)
    {
        var wizard = await Wizard.StartAsync(factory, DemoData.DurandAdmin);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164))).StatusCode);
        return (id, wizard);
    }

    [Fact]
    public async Task The_admin_keeps_the_temporary_number_from_the_request_page_and_the_postes_tab_says_so()
    {
        // A portal of its own: the Postes tab reads every request of the account under way.
        using var factory = new PortalFactory { Clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ClockedPortal.Start) };
        var (id, wizard) = await DurandSubmittedAsync(factory);
        var reference = wizard.Load(id)!.Reference!;

        var before = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        var section = before.QuerySelector("[data-temporary]")!;
        Assert.Contains($"Votre numéro temporaire {DurandTemporary}", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("il sera libéré", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("9,95 € par mois TTC", section.QuerySelector("form button")!.TextContent, StringComparison.Ordinal);
        var postes = await (await wizard.Client.GetAsync("/postes")).ReadHtmlAsync();
        // Cabinet Durand's demo request, submitted three days ago, is the first under way: it releases the number.
        Assert.Contains("Libéré à la fin du portage POR-", postes.QuerySelector("[data-temporary-plan]")!.TextContent, StringComparison.Ordinal);

        var version = wizard.Load(id)!.Version;
        var kept = await PortalClient.PostFormAsync(wizard.Client, $"/portage/{id}", $"/portage/{id}/garder-temporaire",
            new Dictionary<string, string> { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        var r = wizard.Load(id)!;
        Assert.True(r.KeepTemporaryNumber);
        var after = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Equal("C'est noté : votre numéro temporaire sera conservé comme numéro virtuel.", after.QuerySelector("[data-confirmation]")?.TextContent.Trim());
        Assert.Contains("il restera sur votre compte comme numéro virtuel", after.QuerySelector("[data-temporary]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector("[data-temporary] form"));
        Assert.Contains("Numéro temporaire conservé à la demande du client", after.Body!.TextContent, StringComparison.Ordinal);
        postes = await (await wizard.Client.GetAsync("/postes")).ReadHtmlAsync();
        Assert.Equal($"Conservé comme numéro virtuel à la fin du portage {reference}", postes.QuerySelector("[data-temporary-plan]")!.TextContent.Trim());

        // The same page posted again (its version is now stale): 409, nothing recorded twice.
        var again = await PortalClient.PostForgedAsync(wizard.Client, $"/portage/{id}", $"/portage/{id}/garder-temporaire",
            new Dictionary<string, string> { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(r.Version, wizard.Load(id)!.Version);
    }

    [Fact]
    public async Task Support_records_the_customers_wish_and_an_account_without_a_temporary_number_is_not_offered_it()
    {
        var (id, wizard) = await DurandSubmittedAsync(portal.Factory);
        var support = await SupportDesk.SignInAsync(portal.Factory);
        var page = await (await support.Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.NotNull(page.QuerySelector("form[action$='/garder-temporaire']"));

        await support.DoAsync(id, "garder-temporaire", []);

        var r = wizard.Load(id)!;
        Assert.True(r.KeepTemporaryNumber);
        Assert.Contains(r.Events, e => e.Kind == Domain.Porting.PortRequestEventKind.KeepTemporaryNumberRequested && e.ActorRole == Domain.Common.ActorRole.Support);
        page = await (await support.Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.Null(page.QuerySelector("form[action$='/garder-temporaire']"));

        // Boulangerie Martin's temporary number went with its first port: nothing to keep, and a forged post is refused.
        var (martin, martinWizard) = await Wizard.SubmittedAsync(portal.Factory);
        var detail = await (await martinWizard.Client.GetAsync($"/portage/{martin}")).ReadHtmlAsync();
        Assert.Null(detail.QuerySelector("[data-temporary]"));
        var version = martinWizard.Load(martin)!.Version;
        var refused = await PortalClient.PostForgedAsync(martinWizard.Client, $"/portage/{martin}", $"/portage/{martin}/garder-temporaire",
            new Dictionary<string, string> { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("n'a plus de numéro temporaire", (await refused.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(martinWizard.Load(martin)!.KeepTemporaryNumber);
    }
}
