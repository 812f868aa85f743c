using Microsoft.Playwright;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

[Collection(nameof(SharedBrowser))]
public class SupportJourneyTests(BrowserPortal portal)
{
    private static async Task OpenRequestAsync(IPage support, string reference)
    {
        await support.GotoAsync("/support/portages");
        await support.FillAsync("#Search", reference);
        await support.ClickAsync("text=Filtrer");
        await support.ClickAsync($"tbody a:text('{reference}')");
        await support.WaitForSelectorAsync("h1");
    }

    [BrowserFact]
    public async Task Support_dates_the_port_fails_a_test_call_moves_the_date_passes_it_and_the_customer_sees_completed()
    {
        var (id, reference, main) = await portal.SubmittedRequestAsync("Boulangerie Martin");
        var support = await portal.SignInAsync(DemoData.SupportAgent);
        await BrowserPortal.CheckAsync(support, "20-file-support");
        await OpenRequestAsync(support, reference);
        await BrowserPortal.CheckAsync(support, "21-demande-support");
        Assert.Contains("À vérifier", await support.InnerTextAsync("#justificatifs"), StringComparison.Ordinal);
        await support.ClickAsync("form[action$='/pieces-verifiees'] button[type=submit]");
        Assert.Contains("Pièces vérifiées", await support.InnerTextAsync("[data-confirmation]"), StringComparison.Ordinal);

        var today = portal.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await support.FillAsync("#SetFocDate_FocDate", today);
        await support.ClickAsync("form[action$='/ccf'] button[type=submit]");
        Assert.Contains("Date de portage confirmée", await support.InnerTextAsync(".status-badge"), StringComparison.Ordinal);

        var customer = await portal.SignInAsync(DemoData.BoulangerieAdmin);
        await customer.GotoAsync($"/portage/{id}");
        Assert.Contains("1er décembre 2026", await customer.InnerTextAsync(".summary-list"), StringComparison.Ordinal);
        Assert.NotNull(await customer.QuerySelectorAsync($"a[href='/portage/{id}/ccf.ics']"));
        await BrowserPortal.CheckAsync(customer, "22-client-date-confirmee");

        await support.ClickAsync("text=Commencer l'appel test >> nth=-1");
        await support.CheckAsync("#RecordTestCall_Outcome_date");
        await support.FillAsync("#RecordTestCall_Note", "Pas de tonalité sur la ligne principale");
        await support.FillAsync("#RecordTestCall_NewFocDate", "2026-12-02");
        await BrowserPortal.CheckAsync(support, "23-appel-test");
        await support.ClickAsync("form[action$='/resultat-appel'] button[type=submit]");
        Assert.Contains("2 décembre 2026", await support.InnerTextAsync(".summary-list"), StringComparison.Ordinal);

        portal.Clock.Advance(TimeSpan.FromDays(1));
        support = await portal.SignInAsync(DemoData.SupportAgent);
        await OpenRequestAsync(support, reference);
        await support.ClickAsync("text=Commencer l'appel test >> nth=-1");
        await support.CheckAsync("#RecordTestCall_Outcome");
        await support.ClickAsync("form[action$='/resultat-appel'] button[type=submit]");
        Assert.Equal("Terminée", (await support.InnerTextAsync(".status-badge")).Trim());

        customer = await portal.SignInAsync(DemoData.BoulangerieAdmin);
        await customer.GotoAsync($"/portage/{id}");
        Assert.Equal("Terminée", (await customer.InnerTextAsync(".status-badge")).Trim());
        await BrowserPortal.CheckAsync(customer, "24-client-terminee");
        await customer.ClickAsync("nav >> text=Postes");
        var row = customer.Locator("tbody tr", new PageLocatorOptions { HasTextString = main });
        Assert.Contains("Principal", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("09 72 10 20 30", await customer.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(customer, "25-postes-apres-portage");
        await support.Context.CloseAsync();
        await customer.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Support_sends_back_for_a_holder_mismatch_and_the_admin_fixes_only_the_holder_and_resubmits()
    {
        var (id, reference, _) = await portal.SubmittedRequestAsync("Boulangerie Martin");
        var support = await portal.SignInAsync(DemoData.SupportAgent);
        await OpenRequestAsync(support, reference);
        await support.CheckAsync("#SendBack_Reasons_HolderMismatch");
        await support.FillAsync("#SendBack_Message", "Bouygues Telecom indique « SARL Martin » comme titulaire.");
        await support.ClickAsync("form[action$='/renvoyer'] button[type=submit]");
        Assert.Equal("À corriger", (await support.InnerTextAsync(".status-badge")).Trim());

        var admin = await portal.SignInAsync(DemoData.BoulangerieAdmin);
        await admin.GotoAsync($"/portage/{id}");
        Assert.Contains("Le nom du titulaire ne correspond pas", await admin.InnerTextAsync(".alert-danger"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(admin, "26-a-corriger");
        await admin.ClickAsync("text=Corriger la demande");
        Assert.EndsWith($"/portage/{id}/adresse", admin.Url, StringComparison.Ordinal);
        await admin.FillAsync("#CompanyName", "SARL Martin");
        await admin.FillAsync("#Siret", "443 512 098 00015");
        await admin.ClickAsync("text=Enregistrer et continuer");
        // A holder mismatch reopens the documents too (a newer bill may prove the holder): the bill already there is kept.
        await admin.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/justificatifs$"));
        await admin.ClickAsync("a[href$='/signature'].btn-primary");
        Assert.Equal(2, await admin.Locator(".summary-list a:text('Modifier')").CountAsync());
        await BrowserPortal.CheckAsync(admin, "27-correction-signature");
        await admin.CheckAsync("#Command_AcceptTerms");
        await admin.FillAsync("#Command_SignerName", "Marie Martin");
        await admin.CheckAsync("#Command_SignerCapacity");
        await admin.CheckAsync("#Command_SignerAuthorised");
        await admin.ClickAsync("text=Signer la correction et recevoir le code de confirmation");
        await portal.ConfirmSignatureCodeAsync(admin, "Confirmer et renvoyer la demande corrigée");
        Assert.Equal("Soumise", (await admin.InnerTextAsync(".status-badge")).Trim());
        await support.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }
}
