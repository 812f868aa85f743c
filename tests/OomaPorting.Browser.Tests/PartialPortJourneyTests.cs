using System.Text.RegularExpressions;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// The carrier refuses one number of a request (issue 15): support records it (a missing message first, named at its
/// field), the customer sees the refused number with its reason while the rest goes ahead, and takes it into a
/// follow-up request that opens on its numbers step; every page accessible.
/// </summary>
[Collection(nameof(SharedBrowser))]
public class PartialPortJourneyTests(BrowserPortal portal)
{
    [BrowserFact]
    public async Task Support_refuses_one_number_and_the_customer_takes_it_into_a_follow_up()
    {
        var (id, _, main) = await portal.SubmittedRequestAsync("Boulangerie Martin");
        var refusedNumber = main[..^2] + "11";

        var support = await portal.SignInAsync(DemoData.SupportAgent);
        await support.GotoAsync($"/support/portages/{id}");
        await support.FillAsync("#RefuseNumbers_Numbers", refusedNumber);
        await support.SelectOptionAsync("#RefuseNumbers_Reason", "NumberInactive");
        await support.ClickAsync("form[action$='/numeros-refuses'] button[type=submit]");
        Assert.Contains("Écrivez le message de l'opérateur pour le client", await support.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await support.ClickAsync(".error-summary a[href='#RefuseNumbers_Comment']");
        Assert.Equal("RefuseNumbers_Comment", await support.EvaluateAsync<string>("document.activeElement.id"));
        await BrowserPortal.CheckAsync(support, "partiel-01-refus-erreur");
        await support.FillAsync("#RefuseNumbers_Comment", "Ligne résiliée chez Bouygues Telecom");
        await support.ClickAsync("form[action$='/numeros-refuses'] button[type=submit]");
        await support.WaitForURLAsync(new Regex($"/support/portages/{id}$"));
        Assert.Contains("1 numéro refusé, les autres continuent", await support.InnerTextAsync("[data-line-count]"), StringComparison.Ordinal);
        await support.Context.CloseAsync();

        var customer = await portal.SignInAsync(DemoData.BoulangerieAdmin);
        await customer.GotoAsync($"/portage/{id}");
        var refused = customer.Locator("[data-refused]");
        Assert.Contains("1 numéro refusé par votre opérateur", await refused.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("« Ligne résiliée chez Bouygues Telecom »", await refused.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(main + " (principal) — en attente", await customer.InnerTextAsync("[data-lines]"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(customer, "partiel-02-client");

        await customer.ClickAsync("text=Corriger dans une demande de suite");
        await customer.WaitForURLAsync(new Regex("/numeros$"));
        Assert.Equal(refusedNumber, await customer.InputValueAsync("#Command_Lines_0__Number"));
        await BrowserPortal.CheckAsync(customer, "partiel-03-suite");
        await customer.Context.CloseAsync();
    }
}
