using System.Text.RegularExpressions;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// A company leaving its PBX ports its head number and a block of SDA numbers (issue 15): a range and a pasted list
/// with a bad line, the line named in the messages, fixed, the block shown as one run that opens on its numbers, and
/// every page accessible.
/// </summary>
[Collection(nameof(SharedBrowser))]
public class BlockJourneyTests(BrowserPortal portal)
{
    [BrowserFact]
    public async Task An_admin_enters_a_range_and_a_pasted_list_fixes_a_bad_line_and_sees_the_block_as_one_run()
    {
        var page = await portal.SignInAsync(DemoData.BoulangerieAdmin);
        await page.GotoAsync("/portage");
        await page.ClickAsync("text=Démarrer un portage de numéro");
        await page.CheckAsync("#Command_NumberType");
        await page.ClickAsync("text=Enregistrer et continuer");
        await page.SelectOptionAsync("#Command_CarrierCode", "F0");
        await page.ClickAsync("text=Enregistrer et continuer");
        await page.FillAsync("#Command_AccountNumber", "FT-778899");
        await page.CheckAsync("#Command_Internet");
        await page.ClickAsync("text=Enregistrer et continuer");

        const string Head = "01 47 20 00 00";
        var rio = "F0X1A2B3C" + Domain.Numbers.Rio.ComputeKey("F0X1A2B3C", Domain.Numbers.FrenchNumber.Parse(Head));
        await page.FillAsync("#Command_Lines_0__Number", Head);
        await page.FillAsync("#Command_Lines_0__Rio", rio);
        await page.FillAsync("#Command_RangeFrom", "01 47 20 00 01");
        await page.FillAsync("#Command_RangeTo", "01 47 20 00 99");
        await page.FillAsync("#Command_Paste", "01 47 20 01 00 à 01 47 20 01 49\n01 47 20 0\n01 47 20 02 00\n");
        await page.ClickAsync("text=Enregistrer et continuer");

        Assert.StartsWith("Erreur :", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Contains("Ligne 2 (« 01 47 20 0 »)", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(page, "bloc-01-numeros-erreur");
        await page.ClickAsync(".error-summary a[href='#Command_Paste']");
        Assert.Equal("Command_Paste", await page.EvaluateAsync<string>("document.activeElement.id"));

        await page.FillAsync("#Command_Paste", "01 47 20 01 00 à 01 47 20 01 49\n01 47 20 02 00\n");
        await page.ClickAsync("text=Enregistrer et continuer");
        await page.WaitForURLAsync(new Regex("/adresse$"));

        // Back to the step: the block comes back as ranges in the list box, the head number as the first row.
        await page.GotoAsync(new Uri(page.Url).AbsolutePath.Replace("/adresse", "/numeros", StringComparison.Ordinal));
        Assert.Equal("01 47 20 00 01 – 01 47 20 01 49\n01 47 20 02 00", (await page.InputValueAsync("#Command_Paste")).Trim());
        await page.ClickAsync("text=Enregistrer et continuer");

        await page.FillAsync("#FirstName", "Marie");
        await page.FillAsync("#LastName", "Martin");
        await page.FillAsync("#Street", "8 rue des Boulangers");
        await page.FillAsync("#PostalCode", "75005");
        await page.FillAsync("#City", "Paris");
        await page.ClickAsync("text=Enregistrer et continuer");
        await BrowserPortal.AttachBillAsync(page);

        // The check-answers page: the head number, then one run of 149 numbers that opens on them, and the single one.
        var run = page.Locator(".summary-list li[data-block='149'] summary");
        Assert.Equal("01 47 20 00 01 à 01 47 20 01 49 (149 numéros)", (await run.InnerTextAsync()).Trim());
        Assert.False(await page.Locator(".summary-list li[data-block='149'] details li").First.IsVisibleAsync());
        await run.ClickAsync();
        Assert.True(await page.Locator(".summary-list li[data-block='149'] details li").First.IsVisibleAsync());
        Assert.True(await page.Locator("#Command_MainNumber option").CountAsync() >= 151);
        await BrowserPortal.CheckAsync(page, "bloc-02-signature");
        await page.Context.CloseAsync();
    }
}
