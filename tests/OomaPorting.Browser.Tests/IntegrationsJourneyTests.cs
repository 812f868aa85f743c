using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// "Intégrations" (issue 18), in Chromium with axe: an admin makes an API key (a missing name first), copies it from the
/// page that shows it once, sees it listed by its prefix and revokes it; the API reference page loads under its CSP
/// and asks nothing of any other host; an admin registers a webhook address, its secret shown once, and sees its log.
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
    public async Task An_admin_registers_a_webhook_address_sees_its_secret_once_and_follows_its_log()
    {
        var page = await portal.SignInAsync(DemoData.DurandAdmin);
        await page.ClickAsync("nav >> text=Intégrations");
        await page.ClickAsync("[data-webhooks-link]");
        await BrowserPortal.CheckAsync(page, "65-webhooks");

        // A plain-http address and no event: both fields say what is wrong, nothing is registered.
        await page.FillAsync("#Url", "http://erp.cabinet-durand.example/ooma");
        foreach (var box in await page.Locator("input[name=Events]").AllAsync())
        {
            await box.UncheckAsync();
        }

        await page.ClickAsync("form[action='/integrations/webhooks'] button[type=submit]");
        var summary = await page.InnerTextAsync(".error-summary");
        Assert.Contains("L'adresse doit commencer par https://", summary, StringComparison.Ordinal);
        Assert.Contains("Cochez au moins un événement.", summary, StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "66-webhook-refuse");

        await page.FillAsync("#Url", "https://erp.cabinet-durand.example/ooma");
        await page.CheckAsync("#Events_FocSet");
        await page.CheckAsync("#Events_Completed");
        await page.ClickAsync("form[action='/integrations/webhooks'] button[type=submit]");
        var secret = await page.InputValueAsync("[data-webhook-secret]");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "67-webhook-cree");

        await page.ClickAsync("text=J'ai copié le secret");
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.IsCheckedAsync("#Events_FocSet"));
        Assert.False(await page.IsCheckedAsync("#Events"));
        await page.ClickAsync("text=Envoyer un événement de test");
        Assert.Contains("Événement de test mis en file", await page.InnerTextAsync("[data-confirmation]"), StringComparison.Ordinal);
        Assert.Contains("ping", await page.InnerTextAsync("table"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "68-webhook-journal");

        await page.ClickAsync("text=Désactiver");
        Assert.Contains("Désactivé", await page.InnerTextAsync("dl"), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task The_api_reference_renders_without_breaking_its_content_security_policy_says_its_language_and_reads_at_4_5_to_1()
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
        await page.WaitForSelectorAsync("text=OomaPorting API", new() { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => document.body.innerText.includes('/api/v1/port-requests')", null, new() { Timeout = 60_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserPortal.ScreenshotFolder, "64-reference-api.png") });
        Assert.Empty(violations);
        Assert.Empty(elsewhere);

        // It says its language, and its text is readable (axe's rules for both; Scalar's greys were 3.2 to 3.9:1, issue 36, point 20).
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        var results = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "rule", Values = ["html-has-lang", "html-lang-valid", "color-contrast"] },
        });
        Assert.True(results.Violations.Length == 0, string.Join("\n", results.Violations.Select(v =>
            $"{v.Id}: {v.Nodes.Length} nodes — {string.Join(" | ", v.Nodes.Take(4).Select(n => string.Join(",", n.Target) + " " + n.Html))}")));
    }
}
