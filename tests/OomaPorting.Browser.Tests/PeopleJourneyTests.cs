using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// Letting people in (issue 13), in Chromium with axe on every new page: support signs in with its code, opens a
/// customer account (a wrong SIRET first), invites an agent who chooses a password and sets up two-factor sign-in from
/// the QR page; a customer admin's "Mon compte" and "Utilisateurs".
/// </summary>
[Collection(nameof(SharedBrowser))]
public partial class PeopleJourneyTests(BrowserPortal portal)
{
    [GeneratedRegex(@"https?://[^\s""<>]+(/compte/invitation/[A-Za-z0-9_-]+)")]
    private static partial Regex Link();

    private async Task<string> InvitationLinkAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.OutboxMessages.Where(m => m.Recipient == email).OrderByDescending(m => m.CreatedAtUtc).Select(m => m.TextBody).FirstAsync();
        return Link().Match(body).Groups[1].Value;
    }

    [BrowserFact]
    public async Task Support_opens_an_account_and_a_new_agent_sets_up_two_factor_sign_in()
    {
        var support = await portal.NewPageAsync("fr-FR", javaScript: true, width: 1280, height: 900);
        await support.GotoAsync("/compte/connexion");
        await support.FillAsync("#Email", DemoData.SupportAgent);
        await support.FillAsync("#Password", DemoData.Password);
        await support.ClickAsync("main button[type=submit]");
        Assert.EndsWith("/compte/connexion/code", support.Url, StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(support, "40-code-de-verification");
        await support.FillAsync("#Code", "000000");
        await support.ClickAsync("main button[type=submit]");
        Assert.Contains("n'est pas valide", await support.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(support, "41-code-refuse");
        await support.FillAsync("#Code", await portal.NextCodeAsync(DemoData.SupportAgent));
        await support.ClickAsync("main button[type=submit]");

        await support.ClickAsync("nav >> text=Comptes clients");
        await BrowserPortal.CheckAsync(support, "42-comptes-clients");
        await support.ClickAsync("text=Ouvrir un compte");
        await support.FillAsync("#CompanyName", "Pharmacie Roux");
        await support.FillAsync("#Siret", "732 829 320 00075");
        await support.FillAsync("#TemporaryNumber", "09 70 44 55 66");
        await support.FillAsync("#AdminName", "Anne Roux");
        await support.FillAsync("#AdminEmail", "anne@pharmacie-roux.test");
        await support.ClickAsync("main button[type=submit]");
        Assert.Contains("un chiffre est erroné", await support.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(support, "43-compte-siret-refuse");
        await support.FillAsync("#Siret", "732 829 320 00074");
        await support.ClickAsync("main button[type=submit]");
        Assert.Contains("Compte ouvert ; invitation envoyée à anne@pharmacie-roux.test.", await support.InnerTextAsync("[data-confirmation]"), StringComparison.Ordinal);
        Assert.Contains("Invité", await support.InnerTextAsync("tr[data-user='anne@pharmacie-roux.test']"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(support, "44-compte-client");

        await support.ClickAsync("nav >> text=Agents");
        await support.FillAsync("#DisplayName", "Nina Morel");
        await support.FillAsync("#Email", "nina@ooma-office.test");
        await support.ClickAsync("form[action='/support/agents/inviter'] button[type=submit]");
        Assert.Contains("À configurer", await support.InnerTextAsync("tr[data-user='nina@ooma-office.test']"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(support, "45-agents");
        await support.ClickAsync("nav >> text=Journal");
        Assert.Equal(2, await support.Locator("tr[data-audit='AccountCreated'], tr[data-audit='AgentInvited']").CountAsync());
        await BrowserPortal.CheckAsync(support, "46-journal");

        // The new agent: the e-mailed link, a password, then the two-factor set-up before anything else.
        var nina = await portal.NewPageAsync("fr-FR", javaScript: true, width: 1280, height: 900);
        await nina.GotoAsync(await InvitationLinkAsync("nina@ooma-office.test"));
        await nina.FillAsync("#Password", "Le portage sans souci");
        await nina.FillAsync("#ConfirmPassword", "Le portage sans souci");
        await nina.ClickAsync("main button[type=submit]");
        Assert.EndsWith("/mon-compte/double-authentification", nina.Url, StringComparison.Ordinal);
        Assert.Equal(0, await nina.Locator("nav.app-tabs").CountAsync());
        await BrowserPortal.CheckAsync(nina, "47-double-authentification");
        var key = (await nina.InnerTextAsync("[data-authenticator-key]")).Replace(" ", string.Empty, StringComparison.Ordinal);
        await nina.FillAsync("#Code", Web.Infrastructure.Identity.AuthenticatorCodes.Compute(key, portal.Clock.GetUtcNow().UtcDateTime));
        await nina.ClickAsync("main form[action='/mon-compte/double-authentification'] button[type=submit]");
        Assert.Equal(10, await nina.Locator("[data-recovery-codes] code").CountAsync());
        await BrowserPortal.CheckAsync(nina, "48-codes-de-secours");
        await nina.ClickAsync("text=J'ai noté mes codes, continuer");
        await nina.GotoAsync("/support/portages");
        Assert.EndsWith("/support/portages", nina.Url, StringComparison.Ordinal);

        // A customer admin: Mon compte, and the account-wide requirement on Utilisateurs.
        var admin = await portal.SignInAsync(DemoData.DurandAdmin);
        await admin.ClickAsync(".app-user");
        Assert.Contains("Cet appareil", await admin.InnerTextAsync("tr[data-current='true']"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(admin, "49-mon-compte");
        await admin.GotoAsync("/utilisateurs");
        await admin.ClickAsync("form[action='/utilisateurs/double-authentification'] button");
        Assert.Contains("Activez d'abord", await admin.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(admin, "50-utilisateurs-double-authentification");

        await support.Context.CloseAsync();
        await nina.Context.CloseAsync();
        await admin.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_admin_asks_for_the_accounts_data_and_downloads_the_archive()
    {
        var page = await portal.SignInAsync(DemoData.BoulangerieAdmin);
        await page.ClickAsync("nav >> text=Utilisateurs");
        await page.ClickAsync("[data-account-data-link]");
        await BrowserPortal.CheckAsync(page, "69-donnees-du-compte");
        await page.ClickAsync("text=Préparer une archive");
        Assert.Contains("Archive demandée", await page.InnerTextAsync("[data-confirmation]"), StringComparison.Ordinal);
        await page.ReloadAsync();
        Assert.Contains("En préparation", await page.InnerTextAsync("table"), StringComparison.Ordinal);

        var builder = portal.Services.GetRequiredService<OomaPorting.Web.Features.AccountData.AccountExportBuilder>();
        while (await builder.BuildNextAsync(CancellationToken.None))
        {
        }

        await page.ReloadAsync();
        await BrowserPortal.CheckAsync(page, "70-archive-prete");
        // The link, fetched with the browser's own session.
        var href = await page.GetAttributeAsync("a[href$='/archive.zip']", "href");
        var response = await page.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.Contains("attachment", response.Headers["content-disposition"], StringComparison.Ordinal);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.BodyAsync()));
        Assert.Contains(zip.Entries, e => e.FullName == "compte.json");
    }
}
