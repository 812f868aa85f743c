using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Features.Api;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Integrations;

/// <summary>"Intégrations": an admin makes an API key (shown once, stored as a hash), sees its last use and revokes it; support can too.</summary>
[Collection(ApiPortal.Name)]
public class IntegrationsTests(SharedPortal portal)
{
    private readonly PortalFactory factory = portal.Factory;

    [Fact]
    public async Task An_admin_makes_a_key_seen_once_that_works_until_revoked()
    {
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var created = await PortalClient.PostFormAsync(admin, "/integrations", "/integrations/cles", new Dictionary<string, string>
        {
            ["Name"] = "ERP comptable", ["Role"] = "Read", ["ExpiresOn"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90)).ToString("yyyy-MM-dd"),
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var page = await created.ReadHtmlAsync();
        var secret = page.QuerySelector("[data-api-key]")!.GetAttribute("value")!;
        Assert.StartsWith("ooma_", secret, StringComparison.Ordinal);

        using (var scope = factory.Services.CreateScope())
        {
            // Only the hash is stored, and the audit line names the key by its public part.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var key = await db.ApiKeys.IgnoreQueryFilters().SingleAsync(k => k.Prefix == secret.Substring(5, 12));
            Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), key.SecretHash);
            Assert.Equal(Domain.Accounts.ApiKeyRole.Read, key.Role);
            var stored = string.Join('|', await db.ApiKeys.IgnoreQueryFilters().Select(k => k.Name + k.Prefix + k.CreatedByUserId).ToListAsync())
                + string.Join('|', await db.AuditEntries.Select(a => a.Details).ToListAsync());
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
            Assert.Contains(await db.AuditEntries.Where(a => a.Action == AuditActions.ApiKeyCreated).Select(a => a.Details).ToListAsync(),
                d => d.Contains(key.Hint, StringComparison.Ordinal));
        }

        var api = ApiClients.For(factory, secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/port-requests")).StatusCode);

        // The list shows the key by its prefix, never its secret, with its last use.
        var list = await (await admin.GetAsync("/integrations")).ReadHtmlAsync();
        var row = list.QuerySelector($"tr[data-key='ooma_{secret.Substring(5, 12)}…']")!;
        Assert.Contains("ERP comptable", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lecture seule", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Jamais utilisée", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var revokeAction = row.QuerySelector("form")!.GetAttribute("action")!;
        var revoked = await PortalClient.PostFormAsync(admin, "/integrations", revokeAction, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var refused = await api.GetAsync("/api/v1/port-requests");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var after = await (await admin.GetAsync("/integrations")).ReadHtmlAsync();
        Assert.Contains("Révoquée", after.QuerySelector($"tr[data-key='ooma_{secret.Substring(5, 12)}…']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PortalClient.PostForgedAsync(admin, "/integrations", revokeAction, new Dictionary<string, string>())).StatusCode);
    }

    [Theory]
    [InlineData("", "Read", "", "Name", "Donnez un nom à la clé.")]
    [InlineData("ERP", "", "", "Role", "Choisissez les droits de la clé.")]
    [InlineData("ERP", "Owner", "", "Role", "")]
    [InlineData("ERP", "Read", "2020-01-01", "ExpiresOn", "Le dernier jour de validité doit être après aujourd'hui.")]
    [InlineData("ERP", "Read", "2099-01-01", "ExpiresOn", "Une clé vaut deux ans au plus : choisissez une date plus proche.")]
    [InlineData("ERP\u202E", "ReadWrite", "", "Name", "Le nom contient des caractères invisibles ou de contrôle.")]
    public async Task A_refused_key_says_why_at_its_field_and_makes_nothing(string name, string role, string expiresOn, string field, string message)
    {
        var admin = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        int before;
        using (var scope = factory.Services.CreateScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiKeys.IgnoreQueryFilters().CountAsync();
        }

        // Some of these values are no option of the page's list: sent as a forged post.
        var response = await PortalClient.PostForgedAsync(admin, "/integrations", "/integrations/cles", new Dictionary<string, string>
        {
            ["Name"] = name, ["Role"] = role, ["ExpiresOn"] = expiresOn,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Null(page.QuerySelector("[data-api-key]"));
        var error = page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(error), $"no message at {field}");
        if (message.Length > 0)
        {
            Assert.Equal(message, error);
        }

        using var check = factory.Services.CreateScope();
        Assert.Equal(before, await check.ServiceProvider.GetRequiredService<AppDbContext>().ApiKeys.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task Support_sees_a_customers_keys_and_revokes_one_with_an_audit_line()
    {
        var secret = await ApiClients.KeyAsync(factory, "Cabinet Durand", name: "Prestataire parti");
        var support = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);
        Guid accountId;
        using (var scope = factory.Services.CreateScope())
        {
            accountId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Accounts.IgnoreQueryFilters()
                .Where(a => a.CompanyName == "Cabinet Durand").Select(a => a.Id).SingleAsync();
        }

        var page = await (await support.GetAsync($"/support/comptes/{accountId}")).ReadHtmlAsync();
        var row = page.QuerySelector($"[data-api-keys] tr[data-key='ooma_{secret.Substring(5, 12)}…']")!;
        Assert.Contains("Prestataire parti", row.TextContent, StringComparison.Ordinal);
        var action = row.QuerySelector("form")!.GetAttribute("action")!;

        // Another account's path with this key's id: nothing found, nothing revoked.
        using (var scope = factory.Services.CreateScope())
        {
            var martin = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Accounts.IgnoreQueryFilters()
                .Where(a => a.CompanyName == "Boulangerie Martin").Select(a => a.Id).SingleAsync();
            var wrong = await PortalClient.PostForgedAsync(support, $"/support/comptes/{accountId}", action.Replace(accountId.ToString(), martin.ToString(), StringComparison.Ordinal),
                new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await ApiClients.For(factory, secret).GetAsync("/api/v1/port-requests")).StatusCode);
        var revoked = await PortalClient.PostFormAsync(support, $"/support/comptes/{accountId}", action, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClients.For(factory, secret).GetAsync("/api/v1/port-requests")).StatusCode);
        var after = await (await support.GetAsync($"/support/comptes/{accountId}")).ReadHtmlAsync();
        Assert.Contains("Clé API révoquée", after.QuerySelector("[data-history]")!.TextContent, StringComparison.Ordinal);

        // The admin's own page says who revoked it.
        var admin = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var list = await (await admin.GetAsync("/integrations")).ReadHtmlAsync();
        Assert.Contains("Révoquée", list.QuerySelector($"tr[data-key='ooma_{secret.Substring(5, 12)}…']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_is_not_an_admin_has_no_integrations_page_or_tab()
    {
        var user = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/integrations")).StatusCode);
        var home = await (await user.GetAsync("/postes")).ReadHtmlAsync();
        Assert.Null(home.QuerySelector("a[href='/integrations']"));
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var adminHome = await (await admin.GetAsync("/postes")).ReadHtmlAsync();
        Assert.NotNull(adminHome.QuerySelector("a[href='/integrations']"));
    }
}
