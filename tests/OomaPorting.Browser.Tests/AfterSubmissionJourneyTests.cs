using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// After submission, from the request page (issue 14, points 15 and 16): the admin asks for a porting date and keeps
/// the temporary number; support sees the date and its FOC form starts from it. Every page checked with axe.
/// </summary>
[Collection(nameof(SharedBrowser))]
public class AfterSubmissionJourneyTests(BrowserPortal portal)
{
    [BrowserFact]
    public async Task The_admin_asks_for_a_date_and_keeps_the_temporary_number_and_support_starts_from_that_date()
    {
        var (id, reference, _) = await portal.SubmittedRequestAsync("Cabinet Durand");
        var admin = await portal.SignInAsync(DemoData.DurandAdmin);
        await admin.GotoAsync($"/portage/{id}");
        await BrowserPortal.CheckAsync(admin, "30-demande-avant");

        await admin.FillAsync("#RequestedDate", "2026-12-18");
        await admin.ClickAsync("text=Enregistrer la date souhaitée");
        // The shared portal's clock may have moved on (other journeys advance it): the earliest date is read, not assumed.
        Assert.Matches("Choisissez une date à partir du \\d+ décembre 2026", await admin.InnerTextAsync("#RequestedDate-error"));
        await BrowserPortal.CheckAsync(admin, "31-date-souhaitee-refusee");
        await admin.FillAsync("#RequestedDate", "2027-01-14");
        await admin.CheckAsync("#RequestedHalfDay_Afternoon");
        await admin.ClickAsync("text=Enregistrer la date souhaitée");
        Assert.Contains("Date souhaitée enregistrée", await admin.InnerTextAsync("[data-confirmation]"), StringComparison.Ordinal);
        Assert.True(await admin.EvaluateAsync<bool>("document.activeElement.matches('[data-confirmation]')"), "focus on the confirmation");
        Assert.Equal("14 janvier 2027, l'après-midi", (await admin.InnerTextAsync("dd[data-requested-date]")).Trim());
        await BrowserPortal.CheckAsync(admin, "32-date-souhaitee");

        Assert.Contains("09 72 40 50 60", await admin.InnerTextAsync("[data-temporary]"), StringComparison.Ordinal);
        await admin.ClickAsync("[data-temporary] button");
        Assert.Contains("votre numéro temporaire sera conservé", await admin.InnerTextAsync("[data-confirmation]"), StringComparison.Ordinal);
        Assert.Contains("il restera sur votre compte comme numéro virtuel", await admin.InnerTextAsync("[data-temporary]"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(admin, "33-temporaire-conserve");
        await admin.ClickAsync("nav >> text=Postes");
        Assert.Contains("Conservé comme numéro virtuel", await admin.InnerTextAsync("[data-temporary-plan]"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(admin, "34-postes-temporaire");

        var support = await portal.SignInAsync(DemoData.SupportAgent);
        await support.GotoAsync("/support/portages?Search=" + reference);
        Assert.Contains("souhaitée : 14 janvier 2027, l'après-midi", await support.InnerTextAsync("tbody"), StringComparison.Ordinal);
        await support.GotoAsync($"/support/portages/{id}");
        await support.ClickAsync("form[action$='/pieces-verifiees'] button[type=submit]");
        Assert.Contains("Pièces vérifiées", await support.InnerTextAsync("[data-confirmation]"), StringComparison.Ordinal);
        Assert.Equal("2027-01-14", await support.InputValueAsync("#SetFocDate_FocDate"));
        await BrowserPortal.CheckAsync(support, "35-support-date-souhaitee");
        await support.ClickAsync("form[action$='/ccf'] button[type=submit]");
        Assert.Contains("Date de portage enregistrée", await support.InnerTextAsync("[data-confirmation]"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(support, "36-support-ccf-confirmee");

        await admin.GotoAsync($"/portage/{id}");
        Assert.Equal(0, await admin.Locator("form[action$='/date-souhaitee']").CountAsync());
        await admin.Context.CloseAsync();
        await support.Context.CloseAsync();
    }
}
