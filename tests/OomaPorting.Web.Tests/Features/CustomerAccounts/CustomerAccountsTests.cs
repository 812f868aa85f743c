using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.CustomerAccounts;

/// <summary>
/// "Comptes clients" (issue 13, part 2): support opens an account with its SIRET and first admin, follows its people,
/// resends an invitation, disables the account; every action is in the audit trail, readable and exportable as CSV.
/// </summary>
public class CustomerAccountsTests
{
    private static Dictionary<string, string> NewAccount(string siret, string number, string email, string company = "Fleurs Dubois") => new()
    {
        ["CompanyName"] = company, ["Siret"] = siret, ["TemporaryNumber"] = number, ["AdminName"] = "Hélène Dubois", ["AdminEmail"] = email,
    };

    [Fact]
    public async Task Support_opens_an_account_whose_admin_chooses_a_password_from_the_email_and_every_step_is_audited()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = new FakeTimeProvider(ClockedPortal.Start) };
        var support = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);

        var created = await PortalClient.PostFormAsync(support, "/support/comptes/nouveau", "/support/comptes/nouveau",
            NewAccount("732 829 320 00074", "01 84 80 12 34", "helene@fleurs-dubois.test"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var accountPage = created.Headers.Location!.OriginalString;
        var page = await (await support.GetAsync(accountPage)).ReadHtmlAsync();
        Assert.Equal("Fleurs Dubois", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("732 829 320 00074", page.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Invité", page.QuerySelector("tr[data-user='helene@fleurs-dubois.test']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Compte ouvert", page.QuerySelector("[data-history]")!.TextContent, StringComparison.Ordinal);

        // Found by name in any case, and by its SIRET.
        Assert.NotNull((await (await support.GetAsync("/support/comptes?q=FLEURS")).ReadHtmlAsync()).QuerySelector("tr[data-account]"));
        Assert.Single((await (await support.GetAsync("/support/comptes?q=73282932000074")).ReadHtmlAsync()).QuerySelectorAll("tr[data-account]"));

        // The first link, resent: the old one stops working, the new one opens the account.
        var firstMail = Assert.Single(await smtp.DeliveredToAsync(factory, "helene@fleurs-dubois.test"));
        Assert.Equal("Support Ooma vous invite sur le portail Ooma Office de Fleurs Dubois", firstMail.Subject);
        var firstLink = TestSmtpServer.LinkIn(firstMail);
        var helene = page.QuerySelector("tr[data-user='helene@fleurs-dubois.test'] form[action$='/invitation']")!.GetAttribute("action")!;
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(support, accountPage, helene, new Dictionary<string, string>())).StatusCode);
        var mails = await smtp.DeliveredToAsync(factory, "helene@fleurs-dubois.test");
        Assert.Equal(2, mails.Count);
        var link = TestSmtpServer.LinkIn(mails[1]);
        Assert.Contains("Ce lien n'est plus valable", (await (await PortalClient.Anonymous(factory).GetAsync(firstLink)).ReadHtmlAsync()).QuerySelector("h1")!.TextContent,
            StringComparison.Ordinal);

        var admin = PortalClient.Anonymous(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(admin, link, link, new Dictionary<string, string>
        {
            ["Password"] = "Des roses rouges tous les lundis", ["ConfirmPassword"] = "Des roses rouges tous les lundis",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/utilisateurs")).StatusCode);
        Assert.Contains("Actif", (await (await support.GetAsync(accountPage)).ReadHtmlAsync())
            .QuerySelector("tr[data-user='helene@fleurs-dubois.test']")!.TextContent, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var lines = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditActions.AccountCreated, AuditActions.InvitationResent], lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal("Support Ooma", l.ActorName));
        Assert.All(lines, l => Assert.Equal(Guid.Parse(accountPage.Split('/')[^1]), l.AccountId));
    }

    [Fact]
    public async Task A_temporary_number_another_account_let_go_of_is_offered_and_given_to_a_new_account()
    {
        using var factory = new PortalFactory();
        var support = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);
        Domain.Numbers.FrenchNumber released;
        using (var scope = factory.Services.CreateScope())
        {
            // Boulangerie Martin opened with 09 72 10 20 30 and let it go when its first port completed.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var martin = await db.Accounts.IgnoreQueryFilters().Include(a => a.Numbers).SingleAsync(a => a.CompanyName == "Boulangerie Martin");
            released = martin.TemporaryNumber;
            Assert.DoesNotContain(martin.Numbers, n => n.Number == released);
        }

        var form = await HtmlForm.OpenAsync(support, "/support/comptes/nouveau", "Ouvrir le compte et inviter l'administrateur");
        var page = await (await support.GetAsync("/support/comptes/nouveau")).ReadHtmlAsync();
        Assert.Contains(released.Display, page.QuerySelector("[data-released-numbers]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"datalist#released-numbers option[value='{released.Display}']"));
        Assert.DoesNotContain("09 72 40 50 60", page.QuerySelector("[data-released-numbers]")!.TextContent, StringComparison.Ordinal); // still Cabinet Durand's

        form.Fill("Raison sociale", "Fleurs Dubois").Fill("SIRET", "732 829 320 00074").Fill("Numéro temporaire Ooma", released.Display)
            .Fill("Nom", "Hélène Dubois").Fill("Adresse e-mail", "helene@fleurs-dubois.test");
        var created = await form.SubmitAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, Wizard.ErrorSummary(await created.Content.ReadAsStringAsync()));

        // Given: held by the new account now, so no longer offered and refused to the next one.
        var after = await (await support.GetAsync("/support/comptes/nouveau")).ReadHtmlAsync();
        Assert.DoesNotContain(released.Display, after.QuerySelector("[data-released-numbers]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        var again = await HtmlForm.OpenAsync(support, "/support/comptes/nouveau", "Ouvrir le compte et inviter l'administrateur");
        again.Fill("Raison sociale", "Fleurs Durand").Fill("SIRET", "356 000 000 00048").Fill("Numéro temporaire Ooma", released.Display)
            .Fill("Nom", "Paul Durand").Fill("Adresse e-mail", "paul@fleurs-durand.test");
        var refused = await again.SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("déjà sur un autre compte", (await refused.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_siret_a_taken_siret_number_or_email_are_refused_at_their_field_and_la_postes_siret_is_accepted()
    {
        using var factory = new PortalFactory();
        var support = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);

        async Task<AngleSharp.Html.Dom.IHtmlDocument> RefusedAsync(Dictionary<string, string> form)
        {
            var response = await PortalClient.PostFormAsync(support, "/support/comptes/nouveau", "/support/comptes/nouveau", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.ReadHtmlAsync();
        }

        var key = await RefusedAsync(NewAccount("732 829 320 00075", "01 84 80 12 35", "a@fleurs.test"));
        Assert.Contains("un chiffre est erroné", key.QuerySelector("#Siret-error, [data-valmsg-for='Siret']")!.TextContent, StringComparison.Ordinal);
        var taken = await RefusedAsync(NewAccount("44351209800015", "09 72 40 50 60", DemoData.DurandUser)); // Cabinet Durand's, still held
        var summary = taken.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Un compte existe déjà pour ce SIRET", summary, StringComparison.Ordinal);
        Assert.Contains("déjà sur un autre compte", summary, StringComparison.Ordinal);
        Assert.NotNull(taken.QuerySelector(".error-summary a[href='#AdminEmail']"));
        var mobile = await RefusedAsync(NewAccount("73282932000074", "06 12 34 56 78", "b@fleurs.test"));
        Assert.NotNull(mobile.QuerySelector(".error-summary a[href='#TemporaryNumber']"));

        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<AppDbContext>().Accounts.IgnoreQueryFilters().CountAsync());
        }

        // A La Poste establishment: its SIRET follows the sum-of-digits rule, not the Luhn key.
        var laPoste = await PortalClient.PostFormAsync(support, "/support/comptes/nouveau", "/support/comptes/nouveau",
            NewAccount("35600000000001", "01 84 80 12 36", "bureau@laposte.test", "La Poste — bureau de Lille"));
        Assert.Equal(HttpStatusCode.Redirect, laPoste.StatusCode);

        // Found by name whatever the case and the accents typed.
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(support, "/support/comptes/nouveau", "/support/comptes/nouveau",
            NewAccount("73282932000074", "01 84 80 12 38", "c@lefevre.test", "Boulangerie Lefèvre & Fils"))).StatusCode);
        foreach (var typed in new[] { "lefevre", "LEFÈVRE", "lefèvre &" })
        {
            var rows = (await (await support.GetAsync("/support/comptes?q=" + Uri.EscapeDataString(typed))).ReadHtmlAsync()).QuerySelectorAll("tr[data-account]");
            Assert.Equal("Boulangerie Lefèvre & Fils", Assert.Single(rows).QuerySelector("a")!.TextContent);
        }
    }

    [Fact]
    public async Task A_disabled_account_signs_its_users_out_and_keeps_them_out_until_enabled_again()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings());
        var marie = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var support = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);
        Guid martin;
        using (var scope = factory.Services.CreateScope())
        {
            martin = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Accounts.IgnoreQueryFilters()
                .Where(a => a.CompanyName == "Boulangerie Martin").Select(a => a.Id).SingleAsync();
        }

        var page = $"/support/comptes/{martin}";
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(support, page, $"{page}/acces", new Dictionary<string, string> { ["Enabled"] = "false" })).StatusCode);
        Assert.Equal("disabled", (await (await support.GetAsync(page)).ReadHtmlAsync()).QuerySelector("[data-account-state]")!.GetAttribute("data-account-state"));

        // Signed out at once; the password no longer opens a session (the usual message, nothing more); no reset e-mail.
        Assert.Contains("/compte/connexion", (await marie.GetAsync("/postes")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var refused = await PortalClient.SignInAsync(PortalClient.Anonymous(factory), DemoData.BoulangerieUser, DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        await PortalClient.PostFormAsync(PortalClient.Anonymous(factory), "/compte/mot-de-passe-oublie", "/compte/mot-de-passe-oublie",
            new Dictionary<string, string> { ["Email"] = DemoData.BoulangerieAdmin });
        Assert.Empty(await smtp.DeliveredToAsync(factory, DemoData.BoulangerieAdmin));

        // Durand is not concerned; Martin's data stay.
        Assert.Equal(HttpStatusCode.OK, (await (await PortalClient.SignedInAsync(factory, DemoData.DurandUser)).GetAsync("/postes")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync("/support/portages?Account=Boulangerie")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(support, page, $"{page}/acces", new Dictionary<string, string> { ["Enabled"] = "true" })).StatusCode);
        var back = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/postes")).StatusCode);

        using var check = factory.Services.CreateScope();
        Assert.Equal([AuditActions.AccountDisabled, AuditActions.AccountEnabled],
            await check.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task The_audit_trail_is_for_support_administrators_and_its_csv_opens_in_a_french_spreadsheet_without_running_anything()
    {
        using var factory = new PortalFactory();
        var lead = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(lead, "/support/comptes/nouveau", "/support/comptes/nouveau",
            NewAccount("73282932000074", "01 84 80 12 37", "x@formule.test", "=HYPERLINK(\"http://evil\";\"x\")"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(lead, "/support/agents", "/support/agents/inviter",
            new Dictionary<string, string> { ["DisplayName"] = "Nina Agent", ["Email"] = "nina@ooma-office.test" })).StatusCode);

        var page = await (await lead.GetAsync("/support/journal")).ReadHtmlAsync();
        Assert.Equal(2, page.QuerySelectorAll("tr[data-audit]").Length);
        Assert.Single((await (await lead.GetAsync("/support/journal?type=AgentInvited")).ReadHtmlAsync()).QuerySelectorAll("tr[data-audit]"));

        var csv = await lead.GetAsync("/support/journal/export.csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Date (UTC);Par;Action;Compte;Identifiant du compte;Détails", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(";Agent invité;", lines[1], StringComparison.Ordinal); // newest first
        Assert.Contains(";Compte ouvert;", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(";\"=HYPERLINK", lines[2], StringComparison.Ordinal);

        var commas = Encoding.UTF8.GetString((await (await lead.GetAsync("/support/journal/export.csv?separateur=virgule")).Content.ReadAsByteArrayAsync())[3..]);
        Assert.StartsWith("Date (UTC),Par,Action,Compte,Identifiant du compte,Détails\r\n", commas, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_trail_pages_newest_first_and_shows_each_line_once()
    {
        using var factory = new PortalFactory();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var actor = new Domain.Common.Actor("agent", Domain.Common.ActorRole.Support, "Support Ooma");
            for (var i = 0; i < 150; i++)
            {
                Web.Infrastructure.Audit.Record(db, actor, DateTime.UtcNow, AuditActions.InvitationResent, null, null, $"ligne {i:D3}");
            }

            await db.SaveChangesAsync();
        }

        var lead = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);
        var seen = new List<string>();
        var next = "/support/journal";
        var pages = 0;
        while (next is not null)
        {
            var page = await (await lead.GetAsync(next)).ReadHtmlAsync();
            seen.AddRange(page.QuerySelectorAll("tr[data-audit] td:last-child").Select(td => td.TextContent));
            next = page.QuerySelector("a[href*='before=']")?.GetAttribute("href");
            pages++;
        }

        Assert.Equal(2, pages);
        Assert.Equal(Enumerable.Range(0, 150).Reverse().Select(i => $"ligne {i:D3}"), seen);
    }
}
