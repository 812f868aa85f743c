using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Retention;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.CustomerAccounts;

/// <summary>
/// Support closes the account of a customer who left (issue 19, RGPD): refused while a port is under way, its people
/// out at once, its keys revoked, reopened by mistake-fixing, and erased by the retention job once the period is over:
/// name, SIRET, people, requests' personal data (whatever their own date), drafts, messages; numbers and references stay.
/// </summary>
public class AccountClosingTests
{
    private static async Task<Guid> DurandAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Accounts.IgnoreQueryFilters()
            .Where(a => a.CompanyName == "Cabinet Durand").Select(a => a.Id).SingleAsync();
    }

    private static Dictionary<string, string> Closing(string reason = "Le client a résilié son contrat.", bool confirmed = true) => new()
    {
        ["Reason"] = reason, ["Confirmed"] = confirmed ? "true" : "false",
    };

    [Fact]
    public async Task A_closed_account_is_out_at_once_and_erased_after_its_period_keeping_numbers_and_references()
    {
        var clock = new FakeTimeProvider(ClockedPortal.Start);
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Retention:ClosedAccountAfterMonths"] = "2" }) { Clock = clock };
        var durand = await DurandAsync(factory);
        var page = $"/support/comptes/{durand}";
        var support = await SupportDesk.SignInAsync(factory);
        var jean = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var key = await PortalClient.PostFormAsync(jean, "/integrations", "/integrations/cles", new Dictionary<string, string>
        {
            ["Name"] = "Logiciel du cabinet", ["Role"] = "Read", ["ExpiresOn"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, key.StatusCode);
        var draft = await PortalClient.PostFormAsync(jean, "/portage", "/portage", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);

        // Two ports under way: refused with the reason, nothing changed.
        var refused = await PortalClient.PostFormAsync(support.Client, page, $"{page}/cloture", Closing());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("portage en cours", Wizard.ErrorSummary(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await jean.GetAsync("/postes")).StatusCode);

        // Both cancelled by the desk; then closed.
        List<Guid> underWay;
        string[] references;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            underWay = await db.PortRequests.IgnoreQueryFilters().Where(r => r.AccountId == durand && PortRequestStatuses.UnderWay.Contains(r.Status))
                .Select(r => r.Id).ToListAsync();
            references = [.. await db.PortRequests.IgnoreQueryFilters().Where(r => r.AccountId == durand && r.Reference != null).Select(r => r.Reference!).ToListAsync()];
        }

        Assert.Equal(2, underWay.Count);
        foreach (var id in underWay)
        {
            await support.DoAsync(id, "annuler", new() { ["Reason"] = "Le client quitte Ooma." });
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(support.Client, page, $"{page}/cloture", Closing())).StatusCode);
        var closedPage = await (await support.Client.GetAsync(page)).ReadHtmlAsync();
        Assert.Equal("closed", closedPage.QuerySelector("[data-account-closed]")!.GetAttribute("data-account-closed"));
        Assert.Contains("Le client a résilié son contrat.", closedPage.QuerySelector("[data-account-closed]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1er février 2027", closedPage.QuerySelector("[data-account-closed]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Compte clôturé", closedPage.QuerySelector("[data-history]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(closedPage.QuerySelector("form[action$='/acces']")); // access comes back only through reopening
        var list = await (await support.Client.GetAsync("/support/comptes?q=durand")).ReadHtmlAsync();
        Assert.Contains("Clôturé", Assert.Single(list.QuerySelectorAll("tr[data-account]")).TextContent, StringComparison.Ordinal);

        // Out at once: the open session ends, the password no longer opens one, the API key is revoked.
        Assert.Contains("/compte/connexion", (await jean.GetAsync("/postes")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PortalClient.SignInAsync(PortalClient.Anonymous(factory), DemoData.DurandUser, DemoData.Password)).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.All(await db.ApiKeys.IgnoreQueryFilters().Where(k => k.AccountId == durand).ToListAsync(), k => Assert.True(k.IsRevoked));
        }

        // Enabling a closed account is refused; reopening (a mistake) works and leaves the access off.
        var enable = await PortalClient.PostForgedAsync(support.Client, page, $"{page}/acces", new Dictionary<string, string> { ["Enabled"] = "true" });
        Assert.Contains("rouvrez-le d'abord", Wizard.ErrorSummary(await enable.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(support.Client, page, $"{page}/reouverture", new Dictionary<string, string>())).StatusCode);
        var reopened = await (await support.Client.GetAsync(page)).ReadHtmlAsync();
        Assert.Null(reopened.QuerySelector("[data-account-closed]"));
        Assert.Equal("disabled", reopened.QuerySelector("[data-account-state]")!.GetAttribute("data-account-state"));
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(support.Client, page, $"{page}/cloture", Closing())).StatusCode);

        // Two months on, the retention job erases it.
        clock.Advance(TimeSpan.FromDays(63));
        await factory.Services.GetRequiredService<PersonalDataRetention>().ApplyAsync(CancellationToken.None);
        support = await SupportDesk.SignInAsync(factory); // a new day, a new session
        var erasedPage = await (await support.Client.GetAsync(page)).ReadHtmlAsync();
        Assert.Equal("erased", erasedPage.QuerySelector("[data-account-closed]")!.GetAttribute("data-account-closed"));
        Assert.Equal("Compte effacé", erasedPage.QuerySelector("h1")!.TextContent);
        var html = erasedPage.DocumentElement.OuterHtml;
        foreach (var gone in new[] { "Cabinet Durand", "Jean Durand", "Claire Petit", DemoData.DurandAdmin, DemoData.DurandUser, "812 345 678", "résilié" })
        {
            Assert.DoesNotContain(gone, html, StringComparison.Ordinal);
        }

        Assert.Null(erasedPage.QuerySelector("form[action$='/reouverture']"));
        var tooLate = await PortalClient.PostForgedAsync(support.Client, page, $"{page}/reouverture", new Dictionary<string, string>());
        Assert.Contains("ne peut plus être rouvert", Wizard.ErrorSummary(await tooLate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var requests = await db.PortRequests.IgnoreQueryFilters().Where(r => r.AccountId == durand).ToListAsync();
            Assert.DoesNotContain(requests, r => r.Status == PortRequestStatus.Draft); // the draft is deleted
            Assert.All(requests, r => Assert.NotNull(r.PersonalDataErasedAtUtc)); // though cancelled two months ago only
            Assert.Equal(references.Order(), requests.Select(r => r.Reference!).Order()); // references stay
            Assert.NotEmpty(await db.PortLines.IgnoreQueryFilters().Where(l => requests.Select(r => r.Id).Contains(l.PortRequestId)).ToListAsync());
            Assert.Empty(await db.PortRequestMessages.IgnoreQueryFilters().Where(m => m.AccountId == durand).ToListAsync());
            var people = await db.Users.Where(u => u.AccountId == durand).ToListAsync();
            Assert.Equal(2, people.Count);
            Assert.All(people, u =>
            {
                Assert.StartsWith("erased-", u.Email, StringComparison.Ordinal);
                Assert.Null(u.PasswordHash);
                Assert.Null(u.PhoneNumber);
                Assert.Equal("—", u.DisplayName);
            });
            Assert.Empty(await db.AuthSessions.Where(s => people.Select(p => p.Id).Contains(s.UserId)).ToListAsync());
            Assert.All(await db.AuditEntries.Where(e => e.AccountId == durand).ToListAsync(), e => Assert.Equal(string.Empty, e.Details));
            Assert.Equal("09 72 40 50 60", (await db.Accounts.IgnoreQueryFilters().SingleAsync(a => a.Id == durand)).TemporaryNumber.Display);
        }

        // The Boulangerie is untouched; a second pass does nothing.
        Assert.Equal(HttpStatusCode.OK, (await (await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin)).GetAsync("/postes")).StatusCode);
        Assert.Equal(0, (await factory.Services.GetRequiredService<PersonalDataRetention>().ApplyAsync(CancellationToken.None)).AccountsErased);
    }

    [Fact]
    public async Task A_closing_without_reason_or_confirmation_is_refused_at_its_fields_and_changes_nothing()
    {
        using var factory = new PortalFactory();
        var martin = await DurandAsync(factory);
        var page = $"/support/comptes/{martin}";
        var support = await SupportDesk.SignInAsync(factory);
        var refused = await PortalClient.PostFormAsync(support.Client, page, $"{page}/cloture", Closing("   ", confirmed: false));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await refused.ReadHtmlAsync();
        Assert.Equal("Saisissez le motif de la clôture", form.QuerySelector("[data-valmsg-for='Reason']")!.TextContent.Trim());
        Assert.Equal("Cochez la case pour confirmer la clôture", form.QuerySelector("[data-valmsg-for='Confirmed']")!.TextContent.Trim());
        Assert.NotNull(form.QuerySelector("details[data-close-account][open]"));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Null((await db.Accounts.IgnoreQueryFilters().SingleAsync(a => a.Id == martin)).ClosedAtUtc);
        Assert.Empty(await db.AuditEntries.Where(e => e.Action == AuditActions.AccountClosed).ToListAsync());
    }
}
