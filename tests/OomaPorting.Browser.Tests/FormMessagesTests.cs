using Microsoft.Playwright;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// Refused input, with scripts on and off: each message once, in French, beside its field and in the summary in the
/// order of the fields, the field marked <c>aria-invalid</c> and described by its message. With scripts, a field's
/// message also appears as the user leaves it, before any submit.
/// </summary>
[Collection(nameof(SharedBrowser))]
public class FormMessagesTests(BrowserPortal portal)
{
    private sealed class FieldState
    {
        public string? Invalid { get; set; }

        public string? Message { get; set; }
    }

    /// <summary>Read through Playwright's locators, which work with the page's scripts turned off.</summary>
    private static async Task<FieldState> StateAsync(IPage page, string id)
    {
        var field = page.Locator($"#{id}");
        var describedBy = (await field.GetAttributeAsync("aria-describedby") ?? string.Empty).Split(' ');
        var messageId = describedBy.FirstOrDefault(d => d.EndsWith("-error", StringComparison.Ordinal));
        return new FieldState
        {
            Invalid = await field.GetAttributeAsync("aria-invalid"),
            Message = messageId is null ? null : (await page.Locator($"#{messageId}").TextContentAsync())?.Trim(),
        };
    }

    private static async Task<string[]> SummaryAsync(IPage page) =>
        [.. (await page.Locator("[data-error-summary] li").AllInnerTextsAsync()).Select(t => t.Trim())];

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_sign_in_page_says_each_message_once_in_french(bool javaScript)
    {
        var page = await portal.NewPageAsync(javaScript: javaScript);
        await page.GotoAsync("/compte/connexion");
        if (javaScript)
        {
            // Leaving a field with a wrong value shows its message at once, in French.
            await page.FillAsync("#Email", "pas-une-adresse");
            await page.Locator("#Email").BlurAsync();
            await Assertions.Expect(page.Locator("#Email-error")).ToHaveTextAsync("Saisissez une adresse e-mail valide, par exemple nom@entreprise.fr");
            Assert.Equal("true", (await StateAsync(page, "Email")).Invalid);
            await page.FillAsync("#Email", string.Empty);
        }

        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("[data-error-summary]");

        Assert.Equal(["Saisissez votre adresse e-mail", "Saisissez votre mot de passe"], await SummaryAsync(page));
        Assert.Equal(("true", "Saisissez votre adresse e-mail"), await Pair(page, "Email"));
        Assert.Equal(("true", "Saisissez votre mot de passe"), await Pair(page, "Password"));
        Assert.DoesNotContain("required", await page.InnerTextAsync("main"), StringComparison.OrdinalIgnoreCase);
        await CheckAsync(page, "30-connexion-erreurs", javaScript);
    }

    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_address_step_says_each_message_once_in_french(bool javaScript)
    {
        var page = await portal.SignInAsync(DemoData.DurandAdmin, javaScript: javaScript);
        await page.GotoAsync("/portage");
        await page.ClickAsync("text=Démarrer un portage de numéro");
        var address = page.Url.Replace("/type", "/adresse", StringComparison.Ordinal);
        await page.GotoAsync(address);
        if (javaScript)
        {
            // A required field emptied and left says so before any submit.
            await page.FillAsync("#City", "Bordeaux");
            await page.Locator("#City").BlurAsync();
            await page.FillAsync("#City", string.Empty);
            await page.Locator("#City").BlurAsync();
            await Assertions.Expect(page.Locator("#City-error")).ToHaveTextAsync("Saisissez la ville");
            Assert.Equal("true", (await StateAsync(page, "City")).Invalid);
        }

        await page.FillAsync("#FirstName", "Jean3");
        await page.FillAsync("#PostalCode", "330");
        await page.ClickAsync("text=Enregistrer et continuer");
        await page.WaitForSelectorAsync("[data-error-summary]");

        var summary = await SummaryAsync(page);
        Assert.Equal(summary.Distinct().Count(), summary.Length);
        Assert.Equal(5, summary.Length);
        Assert.Equal((await Pair(page, "FirstName")).Message, summary[0]);
        Assert.Equal((await Pair(page, "LastName")).Message, summary[1]);
        Assert.Equal((await Pair(page, "Street")).Message, summary[2]);
        Assert.Equal((await Pair(page, "PostalCode")).Message, summary[3]);
        Assert.Equal((await Pair(page, "City")).Message, summary[4]);
        foreach (var id in new[] { "FirstName", "LastName", "Street", "PostalCode", "City" })
        {
            Assert.Equal("true", (await StateAsync(page, id)).Invalid);
        }

        Assert.Null((await StateAsync(page, "CompanyName")).Invalid);
        Assert.Equal("Saisissez la ville", summary[4]);
        await CheckAsync(page, "31-adresse-erreurs", javaScript);
    }

    /// <summary>axe runs inside the page, so only with scripts; without them the page is only photographed.</summary>
    private static async Task CheckAsync(IPage page, string name, bool javaScript)
    {
        if (javaScript)
        {
            await BrowserPortal.CheckAsync(page, name + "-js");
        }
        else
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserPortal.ScreenshotFolder, name + "-sans-js.png"), FullPage = true });
        }
    }

    private static async Task<(string? Invalid, string? Message)> Pair(IPage page, string id)
    {
        var state = await StateAsync(page, id);
        return (state.Invalid, state.Message);
    }
}
