using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Users;

/// <summary>
/// "Utilisateurs" (issue 13, part 3): an admin invites a colleague, who receives a link by e-mail, chooses a password
/// and appears on the Postes tab; roles and access change, but an account always keeps an active admin.
/// </summary>
public partial class UsersTests
{
    [Fact]
    public async Task An_invited_colleague_chooses_a_password_from_the_emailed_link_and_joins_the_postes_tab()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = new FakeTimeProvider(ClockedPortal.Start) };
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);

        var invited = await PortalClient.PostFormAsync(admin, "/utilisateurs", "/utilisateurs/inviter", new Dictionary<string, string>
        {
            ["DisplayName"] = "Léa Colin", ["Email"] = "lea.colin@boulangerie-martin.test", ["Role"] = "AccountUser", ["Extension"] = "104",
        });
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var list = await (await admin.GetAsync("/utilisateurs")).ReadHtmlAsync();
        Assert.Contains("Invitation envoyée à lea.colin@boulangerie-martin.test.", list.QuerySelector("[data-confirmation]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Invité", list.QuerySelector("tr[data-user='lea.colin@boulangerie-martin.test']")!.TextContent, StringComparison.Ordinal);

        var mail = Assert.Single(await smtp.DeliveredToAsync(factory, "lea.colin@boulangerie-martin.test"));
        Assert.Equal("Marie Martin vous invite sur le portail Ooma Office de Boulangerie Martin", mail.Subject);
        var link = TestSmtpServer.LinkIn(mail);
        using (var scope = factory.Services.CreateScope())
        {
            // Sent: the outbox keeps no trace of the single-use link.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var kept = await db.OutboxMessages.SingleAsync(m => m.Recipient == "lea.colin@boulangerie-martin.test");
            Assert.DoesNotContain(link.Split('/')[^1], kept.TextBody + kept.HtmlBody, StringComparison.Ordinal);
        }

        var lea = PortalClient.Anonymous(factory);
        var chosen = await PortalClient.PostFormAsync(lea, link, link, new Dictionary<string, string>
        {
            ["Password"] = "Croissants au beurre chaque matin", ["ConfirmPassword"] = "Croissants au beurre chaque matin",
        });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lea.GetAsync("/portage/statut")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lea.GetAsync("/utilisateurs")).StatusCode);
        var postes = await (await admin.GetAsync("/postes")).ReadHtmlAsync();
        Assert.Contains("Léa Colin", postes.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Actif", (await (await admin.GetAsync("/utilisateurs")).ReadHtmlAsync())
            .QuerySelector("tr[data-user='lea.colin@boulangerie-martin.test']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_that_already_has_access_is_refused_without_saying_where_and_a_taken_extension_too()
    {
        using var factory = new PortalFactory();
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);

        var taken = await PortalClient.PostFormAsync(admin, "/utilisateurs", "/utilisateurs/inviter", new Dictionary<string, string>
        {
            ["DisplayName"] = "Jean Durand", ["Email"] = DemoData.DurandAdmin, ["Role"] = "AccountUser", ["Extension"] = "101",
        });

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var page = await taken.ReadHtmlAsync();
        Assert.Contains("Cette adresse ne peut pas être invitée", page.QuerySelector(".error-summary a[href='#Email']")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Durand", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var extension = await PortalClient.PostFormAsync(admin, "/utilisateurs", "/utilisateurs/inviter", new Dictionary<string, string>
        {
            ["DisplayName"] = "Léa Colin", ["Email"] = "lea@boulangerie-martin.test", ["Role"] = "AccountUser", ["Extension"] = "101",
        });
        Assert.Contains("Ce poste est déjà attribué", (await extension.ReadHtmlAsync()).QuerySelector(".error-summary a[href='#Extension']")?.TextContent, StringComparison.Ordinal);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AnyAsync(u => u.Email == "lea@boulangerie-martin.test"));
    }

    [Fact]
    public async Task The_last_active_admin_stays_and_a_disabled_colleague_loses_every_session()
    {
        using var factory = new PortalFactory();
        var jean = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var claire = await PortalClient.SignedInAsync(factory, DemoData.DurandUser);
        string IdOf(string email)
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Single(u => u.Email == email).Id;
        }

        // Jean is Cabinet Durand's only admin: he cannot step down, nor disable himself.
        var demote = await PortalClient.PostForgedAsync(jean, "/utilisateurs", $"/utilisateurs/{IdOf(DemoData.DurandAdmin)}/role", new Dictionary<string, string> { ["Role"] = "AccountUser" });
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains("au moins un administrateur actif", (await demote.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var self = await PortalClient.PostForgedAsync(jean, "/utilisateurs", $"/utilisateurs/{IdOf(DemoData.DurandAdmin)}/acces", new Dictionary<string, string> { ["Enabled"] = "false" });
        Assert.Contains("votre propre accès", (await self.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        // Claire becomes an admin; then Jean may step down.
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(jean, "/utilisateurs", $"/utilisateurs/{IdOf(DemoData.DurandUser)}/role",
            new Dictionary<string, string> { ["Role"] = "AccountAdmin" })).StatusCode);
        claire = await PortalClient.SignedInAsync(factory, DemoData.DurandUser); // her old session carried the old role and ended
        Assert.Equal(HttpStatusCode.OK, (await claire.GetAsync("/utilisateurs")).StatusCode);

        // Claire disables Jean: his session ends at once and he can no longer sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(claire, "/utilisateurs", $"/utilisateurs/{IdOf(DemoData.DurandAdmin)}/acces",
            new Dictionary<string, string> { ["Enabled"] = "false" })).StatusCode);
        var after = await jean.GetAsync("/postes");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/compte/connexion", after.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(PortalClient.Anonymous(factory), DemoData.DurandAdmin, DemoData.Password)).StatusCode);

        // Now Claire is the last active admin: demoting her is refused.
        var last = await PortalClient.PostForgedAsync(claire, "/utilisateurs", $"/utilisateurs/{IdOf(DemoData.DurandUser)}/role", new Dictionary<string, string> { ["Role"] = "AccountUser" });
        Assert.Contains("au moins un administrateur actif", (await last.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }
}
