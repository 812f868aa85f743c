using System.Net;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Tests.Infrastructure;
using SkiaSharp;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>
/// Support's pre-check over HTTP, from both sides: the documents beside the fields they prove, "Pièces vérifiées" before
/// the FOC date, an unreadable bill sent back, replaced and checked afresh.
/// </summary>
public class PrecheckTests
{
    /// <summary>Tuesday 1 December 2026, 08:00 UTC (09:00 in Paris).</summary>
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_unreadable_bill_is_sent_back_replaced_resubmitted_and_checked_before_the_foc_date()
    {
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory { Clock = clock };
        var wizard = await Wizard.StartAsync(factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        // A photo of the bill beside the PDF: support previews it on the request page.
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.UploadAsync(id, "CompanyRegistration",
            ("kbis.png", TestFiles.Image(SKEncodedImageFormat.Png), "image/png"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164))).StatusCode);

        // The customer: still "Soumise", the check under way, support's turn.
        var customer = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Equal("vérification de vos justificatifs", customer.QuerySelector(".tracker [data-precheck]")!.TextContent.Trim());
        Assert.Contains("le support vérifie vos justificatifs", customer.QuerySelector(".next-step")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, customer.QuerySelectorAll(".tracker li").Length); // the card's four stages stay

        // The desk: "à vérifier" lists it; the page shows the documents beside the holder, and the check before the date.
        var support = await SupportDesk.SignInAsync(factory);
        var reference = wizard.Load(id)!.Reference!;
        var toCheck = await (await support.Client.GetAsync($"/support/portages?Status={Web.Features.Support.SearchRequests.ToCheck}")).ReadHtmlAsync();
        Assert.Contains(reference, toCheck.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        var page = await (await support.Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        var documents = page.QuerySelector("#justificatifs")!;
        Assert.Contains("facture-orange.pdf", documents.QuerySelector("[data-document='CarrierBill'] a")!.TextContent, StringComparison.Ordinal);
        var preview = documents.QuerySelector("[data-document='CompanyRegistration'] img.document-preview")!;
        Assert.EndsWith("?apercu=1", preview.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await support.Client.GetAsync(preview.GetAttribute("src"))).StatusCode);
        Assert.Contains("À vérifier", documents.QuerySelector("[data-precheck]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action$='/pieces-verifiees']"));
        Assert.Null(page.QuerySelector("form[action$='/ccf']"));

        // A FOC date before the check is refused, and changes nothing.
        var early = await support.ActAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Vérifiez d'abord les pièces", (await early.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((PortRequestStatus.Submitted, (DateOnly?)null), (wizard.Load(id)!.Status, wizard.Load(id)!.FocDate));

        // Unreadable: back to the customer, who is sent to the documents step.
        var sent = await support.ActWithReasonsAsync(id, "renvoyer", new() { ["Message"] = "La facture est floue : joignez le PDF de votre espace client." }, "BillUnreadable");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        customer = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Contains("La facture jointe est illisible", customer.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/portage/{id}/justificatifs", customer.QuerySelector(".alert-danger a.btn")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.Client.GetAsync($"/portage/{id}/adresse")).StatusCode); // not reopened

        clock.Advance(TimeSpan.FromHours(3));
        await wizard.AttachBillAsync(id);
        Assert.Equal(2, wizard.Load(id)!.BillCount);
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164))).StatusCode);
        var resubmitted = wizard.Load(id)!;
        Assert.Equal((PortRequestStatus.Submitted, (DateTime?)null), (resubmitted.Status, resubmitted.DocumentsCheckedAtUtc));

        // Checked: the date can be set; the customer sees the check in the first stage.
        clock.Advance(TimeSpan.FromHours(1));
        await support.DoAsync(id, "pieces-verifiees", new() { ["Comment"] = "Facture de novembre lisible, titulaire conforme." });
        page = await (await support.Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.Contains("Pièces vérifiées le", page.QuerySelector("#justificatifs [data-precheck]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action$='/pieces-verifiees']"));
        Assert.Contains("Pièces vérifiées par le support", page.QuerySelector("body")!.TextContent, StringComparison.Ordinal); // the history
        toCheck = await (await support.Client.GetAsync($"/support/portages?Status={Web.Features.Support.SearchRequests.ToCheck}")).ReadHtmlAsync();
        Assert.DoesNotContain(reference, toCheck.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        customer = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Equal("pièces vérifiées le 1er décembre 2026", customer.QuerySelector(".tracker [data-precheck]")!.TextContent.Trim());

        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        Assert.Equal(PortRequestStatus.FocConfirmed, wizard.Load(id)!.Status);
        var again = await support.ActAsync(id, "pieces-verifiees", []);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // nothing left to check once dated
    }
}
