using Microsoft.Playwright;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>The whole wizard with the keyboard alone (Tab, Shift+Tab, Space, Enter, typing), in English.</summary>
[Collection(nameof(SharedBrowser))]
public class KeyboardJourneyTests(BrowserPortal portal)
{
    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; checks every stop shows a visible focus.</summary>
    private static async Task TabToAsync(IPage page, string selector, bool backwards = false)
    {
        for (var i = 0; i < 80; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focus = await page.EvaluateAsync<FocusInfo>(
                "(s) => { const e = document.activeElement; const st = getComputedStyle(e); " +
                "return { matches: e.matches(s), visible: st.outlineStyle !== 'none' && parseFloat(st.outlineWidth) >= 2, tag: e.tagName + '#' + e.id + ' ' + st.outlineStyle + ' ' + st.outlineWidth + ' ' + e.matches(':focus') + ' ' + e.matches(':focus-visible') }; }",
                selector);
            Assert.True(focus.Visible, $"No visible focus on {focus.Tag} while tabbing to {selector}");
            if (focus.Matches)
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector} on {page.Url}");
    }

    private sealed class FocusInfo
    {
        public bool Matches { get; set; }

        public bool Visible { get; set; }

        public string Tag { get; set; } = string.Empty;
    }

    private static string RioFor(string firstNine, string number) =>
        firstNine + Domain.Numbers.Rio.ComputeKey(firstNine, Domain.Numbers.FrenchNumber.Parse(number));

    [BrowserFact]
    public async Task The_whole_wizard_works_with_the_keyboard_alone_in_english()
    {
        var page = await portal.NewPageAsync("en-GB");
        await page.GotoAsync("/compte/connexion");

        // Switch to English from the header, then sign in: all with keys.
        await TabToAsync(page, "button[value=en]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("html[lang=en]");
        await TabToAsync(page, "#Email");
        await page.Keyboard.TypeAsync(DemoData.DurandAdmin);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoData.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("nav");

        await TabToAsync(page, "nav a[href='/portage']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=Start a number port");
        await TabToAsync(page, "form[action='/portage'] button");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("text=What type of number do you want to port?");
        await BrowserPortal.CheckAsync(page, "30-en-type");
        await TabToAsync(page, "#Command_NumberType");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("#Command_CarrierCode");
        await TabToAsync(page, "#Command_CarrierCode");
        await page.Keyboard.TypeAsync("SFR");
        await TabToAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("#Command_AccountNumber");
        await TabToAsync(page, "#Command_AccountNumber");
        await page.Keyboard.TypeAsync("SFR-445566");
        await TabToAsync(page, "#Command_Internet");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        // Submitting an empty number shows the error summary, focused; its link takes the keyboard to the field.
        await page.WaitForSelectorAsync("#Command_Lines_0__Number");
        await TabToAsync(page, "button[value=enregistrer]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.activeElement.matches('[data-error-summary]')"));
        await BrowserPortal.CheckAsync(page, "31-en-numbers-error");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Command_Lines_0__Number", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("05 61 22 33 44");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(RioFor("F1B2C3D4E", "05 61 22 33 44"));
        await TabToAsync(page, "button[value=enregistrer]");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("#FirstName");
        await TabToAsync(page, "#FirstName");
        await page.Keyboard.TypeAsync("Jean");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Durand");
        await TabToAsync(page, "#Street");
        await page.Keyboard.TypeAsync("3 cours de l'Intendance");
        await TabToAsync(page, "#PostalCode");
        await page.Keyboard.TypeAsync("33000");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Bordeaux");
        await TabToAsync(page, "main button[type=submit]");
        await page.Keyboard.PressAsync("Enter");

        // The documents step: the file is picked (a dialog the keyboard opens, the test fills), the rest by keyboard.
        await page.WaitForSelectorAsync("#Command_Files");
        await page.SetInputFilesAsync("#Command_Files", new FilePayload
        {
            Name = "facture.pdf", MimeType = "application/pdf", Buffer = Domain.Porting.PortRequestBuilder.SampleBillPdf,
        });
        await TabToAsync(page, "form[enctype='multipart/form-data'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#documents");
        await TabToAsync(page, "a[href$='/signature'].btn-primary");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("text=Check and sign your request");
        await BrowserPortal.CheckAsync(page, "32-en-sign");
        await TabToAsync(page, "#Command_AcceptTerms");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "#Command_SignerName");
        await page.Keyboard.TypeAsync("Jean Durand");
        await TabToAsync(page, "#Command_SignerCapacity");
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, "#Command_SignerAuthorised");
        await page.Keyboard.PressAsync("Space");

        // Shift+Tab goes back to the box, which stays ticked; the drawn signature is skipped.
        await TabToAsync(page, "#Command_AcceptTerms", backwards: true);
        Assert.True(await page.IsCheckedAsync("#Command_AcceptTerms"));
        await TabToAsync(page, "main form button.btn-success");
        await page.Keyboard.PressAsync("Enter");

        // The code page, by keyboard too: the code field, then the confirmation.
        var code = await portal.SignatureCodeAsync(page);
        await TabToAsync(page, "#Code");
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync(".status-badge");
        Assert.Equal("Submitted", (await page.InnerTextAsync(".status-badge")).Trim());
        await BrowserPortal.CheckAsync(page, "33-en-submitted");
        await page.Context.CloseAsync();
    }
}
