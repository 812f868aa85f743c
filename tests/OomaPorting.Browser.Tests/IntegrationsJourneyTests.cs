using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// "Intégrations" (issue 18), in Chromium with axe: an admin makes an API key (a missing name first), copies it from the
/// page that shows it once, sees it listed by its prefix and revokes it; the API reference page loads under its CSP
/// and asks nothing of any other host.
/// </summary>
[Collection(nameof(SharedBrowser))]
public class IntegrationsJourneyTests(BrowserPortal portal)
{
    [BrowserFact]
    public async Task An_admin_makes_an_api_key_sees_it_once_and_revokes_it()
    {
        var page = await portal.SignInAsync(DemoData.DurandAdmin);
        await page.ClickAsync("nav >> text=Intégrations");
        await BrowserPortal.CheckAsync(page, "60-integrations");

        // Nothing typed: the summary names the field and the key is not made.
        await page.ClickAsync("form[action='/integrations/cles'] button[type=submit]");
        Assert.Contains("Donnez un nom à la clé.", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "61-cle-refusee");

        await page.FillAsync("#Name", "Logiciel du prestataire");
        await page.CheckAsync("#Role_write");
        await page.ClickAsync("form[action='/integrations/cles'] button[type=submit]");
        var secret = await page.InputValueAsync("[data-api-key]");
        Assert.StartsWith("ooma_", secret, StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "62-cle-creee");

        await page.ClickAsync("text=J'ai copié la clé");
        var row = page.Locator($"tr[data-key='ooma_{secret.Substring(5, 12)}…']");
        Assert.Contains("Logiciel du prestataire", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await row.Locator("button").ClickAsync();
        Assert.Contains("Clé révoquée", await page.InnerTextAsync("[data-confirmation]"), StringComparison.Ordinal);
        Assert.Contains("Révoquée", await page.Locator($"tr[data-key='ooma_{secret.Substring(5, 12)}…']").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "63-cle-revoquee");

        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(await db.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.Prefix == secret.Substring(5, 12) && k.RevokedAtUtc != null));
    }

    [BrowserFact]
    public async Task The_api_reference_renders_without_breaking_its_content_security_policy()
    {
        var page = await portal.NewPageAsync();
        var violations = new List<string>();
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (!new Uri(request.Url).IsLoopback && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                elsewhere.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };
        await page.GotoAsync("/api/v1/reference/v1");
        await page.WaitForSelectorAsync("text=OomaPorting API", new() { Timeout = 20_000 });
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('/api/v1/port-requests')", null, new() { Timeout = 20_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "64-reference-api.png") });
        Assert.Empty(violations);
        Assert.Empty(elsewhere);
    }
}
