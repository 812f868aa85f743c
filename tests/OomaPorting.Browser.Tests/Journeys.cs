using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

[Collection(nameof(SharedBrowser))]
public class AdminJourneyTests(BrowserPortal portal)
{
    private static string RioFor(string firstNine, string number) =>
        firstNine + Domain.Numbers.Rio.ComputeKey(firstNine, Domain.Numbers.FrenchNumber.Parse(number));

    [BrowserFact]
    public async Task An_admin_ports_a_number_makes_mistakes_fixes_them_signs_and_lands_on_the_status_page()
    {
        var page = await portal.SignInAsync(DemoData.BoulangerieAdmin);
        await BrowserPortal.CheckAsync(page, "01-tableau-de-bord");
        await page.ClickAsync("nav >> text=Postes");
        await BrowserPortal.CheckAsync(page, "02-postes");
        await page.ClickAsync("main >> text=Portage de numéro");
        await BrowserPortal.CheckAsync(page, "03-portage");
        await page.ClickAsync("text=Démarrer un portage de numéro");

        await BrowserPortal.CheckAsync(page, "04-type");
        await page.CheckAsync("#Command_NumberType");
        await page.ClickAsync("text=Enregistrer et continuer");

        await page.SelectOptionAsync("#Command_CarrierCode", "F0");
        await BrowserPortal.CheckAsync(page, "05-operateur");
        await page.ClickAsync("text=Enregistrer et continuer");

        await page.FillAsync("#Command_AccountNumber", "FT-556677");
        await page.CheckAsync("#Command_Internet");
        await BrowserPortal.CheckAsync(page, "06-compte");
        await page.ClickAsync("text=Enregistrer et continuer");

        // Mistakes: a wrong RIO key and an 08 number.
        await page.FillAsync("#Command_Lines_0__Number", "01 45 67 89 10");
        await page.FillAsync("#Command_Lines_0__Rio", "F0X1A2B3CAAA");
        await page.ClickAsync("text=Ajouter un numéro");
        await page.FillAsync("#Command_Lines_1__Number", "08 92 00 00 00");
        await page.ClickAsync("text=Enregistrer et continuer");
        Assert.StartsWith("Erreur :", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.matches('[data-error-summary]')"), "focus on the error summary");
        var summary = await page.InnerTextAsync(".error-summary");
        Assert.Contains("La clé du RIO ne correspond pas à ce numéro", summary, StringComparison.Ordinal);
        Assert.Contains("Les numéros spéciaux en 08", summary, StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "07-numeros-erreurs");
        await page.ClickAsync(".error-summary a[href='#Command_Lines_0__Rio']");
        Assert.Equal("Command_Lines_0__Rio", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.FillAsync("#Command_Lines_0__Rio", RioFor("F0X1A2B3C", "01 45 67 89 10"));
        await page.FillAsync("#Command_Lines_1__Number", "01 45 67 89 11");
        await page.ClickAsync("text=Enregistrer et continuer");

        // Mistake: the postal code left empty.
        await page.FillAsync("#FirstName", "Marie");
        await page.FillAsync("#LastName", "Martin");
        await page.FillAsync("#Street", "8 rue des Boulangers");
        await page.FillAsync("#City", "Paris");
        await page.ClickAsync("text=Enregistrer et continuer");
        Assert.Contains("Saisissez le code postal", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "08-adresse-erreur");
        await page.FillAsync("#PostalCode", "75005");
        await page.ClickAsync("text=Enregistrer et continuer");

        // The documents step: the bill of the current carrier (a fixed number cannot be signed without it).
        await BrowserPortal.CheckAsync(page, "08b-justificatifs-vide");
        await BrowserPortal.AttachBillAsync(page, "08c-justificatifs");

        await BrowserPortal.CheckAsync(page, "09-signature");

        // A porting date asked for (issue 14, point 16): a Saturday first, refused at its field; then a working day.
        await page.FillAsync("#Command_RequestedDate", "2027-01-09");
        await page.CheckAsync("#Command_AcceptTerms");
        await page.FillAsync("#Command_SignerName", "Marie Martin");
        await page.CheckAsync("#Command_SignerCapacity");
        await page.CheckAsync("#Command_SignerAuthorised");
        await page.ClickAsync("text=Signer et recevoir le code de confirmation");
        Assert.Contains("Choisissez un jour ouvré", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "09b-signature-date-refusee");
        await page.FillAsync("#Command_RequestedDate", "2027-01-12");
        await page.CheckAsync("#Command_RequestedHalfDay_Morning");
        await page.CheckAsync("#Command_AcceptTerms");
        await page.FillAsync("#Command_SignerName", "Marie Martin");
        await page.CheckAsync("#Command_SignerCapacity");
        await page.CheckAsync("#Command_SignerAuthorised");
        var canvas = await page.QuerySelectorAsync("canvas");
        var box = (await canvas!.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + 20, box.Y + 100);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + 150, box.Y + 40, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.MoveAsync(box.X + 300, box.Y + 120, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        await page.ClickAsync("text=Signer et recevoir le code de confirmation");

        // The code e-mailed to the signer, typed back (the page is checked by axe like every other).
        await page.WaitForURLAsync(new Regex("/signature/code$"));
        await BrowserPortal.CheckAsync(page, "09c-code-de-signature");
        await portal.ConfirmSignatureCodeAsync(page, "Confirmer et envoyer la demande");

        await page.WaitForURLAsync(new Regex("/portage/[0-9a-f-]{36}\\?envoyee=1$"));
        Assert.Equal("Soumise", (await page.InnerTextAsync(".status-badge")).Trim());
        Assert.Matches("Demande POR-20\\d\\d-\\d{6}", await page.InnerTextAsync("h1"));
        Assert.Equal("12 janvier 2027, le matin", (await page.InnerTextAsync("dd[data-requested-date]")).Trim());
        await BrowserPortal.CheckAsync(page, "10-statut-soumise");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_account_user_sees_the_status_but_is_refused_the_wizard_and_another_account_gets_not_found()
    {
        var user = await portal.SignInAsync(DemoData.BoulangerieUser);
        await user.ClickAsync("nav >> text=Statut du portage");
        await BrowserPortal.CheckAsync(user, "11-statut-utilisateur");
        var link = await user.GetAttributeAsync("tbody tr a", "href");
        var refused = await user.GotoAsync("/portage");
        Assert.Equal(403, refused!.Status);
        Assert.Contains("réservée aux administrateurs", await user.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(user, "12-reserve-administrateurs");

        var other = await portal.SignInAsync(DemoData.DurandAdmin);
        var notFound = await other.GotoAsync(link!);
        Assert.Equal(404, notFound!.Status);
        Assert.Equal("Page introuvable", (await other.InnerTextAsync("h1")).Trim());
        await BrowserPortal.CheckAsync(other, "13-introuvable");
        await user.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_public_check_and_the_sign_in_error_are_accessible()
    {
        var page = await portal.NewPageAsync();
        await page.GotoAsync("/portabilite?Number=01+23+45+67+89");
        await BrowserPortal.CheckAsync(page, "14-portabilite");
        await page.GotoAsync("/compte/connexion");
        await page.FillAsync("#Email", "personne@exemple.fr");
        await page.FillAsync("#Password", "pas-le-bon-mot-de-passe");
        await page.ClickAsync("main button[type=submit]");
        Assert.StartsWith("Erreur :", await page.TitleAsync(), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "15-connexion-erreur");
        await page.Context.CloseAsync();
    }
}

[CollectionDefinition(nameof(SharedBrowser))]
public sealed class SharedBrowser : ICollectionFixture<BrowserPortal>
{
}
