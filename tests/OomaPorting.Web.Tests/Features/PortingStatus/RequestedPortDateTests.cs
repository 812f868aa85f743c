using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingStatus;

/// <summary>
/// A requested porting date (issue 14, point 16): asked for on the signature step or on the request page until a FOC
/// date is set; a working day, from the standard delay (15 working days), within three months; support sees it in the
/// queue and on the request page, and its FOC date form starts from it. Today is Tuesday 1 December 2026.
/// </summary>
public class RequestedPortDateTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    public static TheoryData<string, string, string, string> Refused => new()
    {
        { "2026-12-10", "", "Command_RequestedDate", "Choisissez une date à partir du 22 décembre 2026" },
        { "2026-12-26", "", "Command_RequestedDate", "Choisissez un jour ouvré" },
        { "2026-12-25", "", "Command_RequestedDate", "Choisissez un jour ouvré" }, // Christmas
        { "2027-03-15", "", "Command_RequestedDate", "jusqu'au 1er mars 2027 au plus tard" },
        { "banane", "", "Command_RequestedDate", "Saisissez une date valide" },
        { "2027-01-05", "Midi", "Command_RequestedHalfDay", "Choisissez le matin, l'après-midi ou sans préférence" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_date_that_cannot_be_asked_for_is_refused_at_its_field_and_nothing_is_submitted(string date, string halfDay, string field, string message)
    {
        var wizard = await Wizard.StartAsync(portal.Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        var signature = Wizard.Signature(FrenchNumber.Parse(main).E164);
        signature["Command.RequestedDate"] = date;
        signature["Command.RequestedHalfDay"] = halfDay;

        var refused = await wizard.PostForgedAsync(id, "signature", signature); // "Midi" is no option of the page

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadHtmlAsync();
        Assert.Contains(message, page.QuerySelector($".error-summary a[href='#{field}']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(PortRequestStatus.Draft, wizard.Load(id)!.Status);
        Assert.Null(wizard.Load(id)!.RequestedPortDate);
        if (field == "Command_RequestedDate")
        {
            Assert.Equal(date, page.QuerySelector("#Command_RequestedDate")!.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task A_date_asked_for_at_signature_reaches_the_status_page_the_queue_and_supports_foc_form()
    {
        var wizard = await Wizard.StartAsync(portal.Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        var signature = Wizard.Signature(FrenchNumber.Parse(main).E164);
        signature["Command.RequestedDate"] = "2027-01-05";
        signature["Command.RequestedHalfDay"] = "Morning";

        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, signature)).StatusCode);

        var r = wizard.Load(id)!;
        Assert.Equal(new DateOnly(2027, 1, 5), r.RequestedPortDate);
        Assert.Equal(PortingHalfDay.Morning, r.RequestedHalfDay);
        var status = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Equal("5 janvier 2027, le matin", status.QuerySelector("dd[data-requested-date]")?.TextContent.Trim());

        // The desk's "new request" e-mail keeps the half-day too (issue 36, point 10).
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
            var alert = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.PortRequestId == id && m.Kind == "SupportSubmitted");
            Assert.Contains("Date souhaitée par le client : 5 janvier 2027, le matin.", alert.TextBody.Replace('\u00a0', ' '), StringComparison.Ordinal);
        }

        var support = await SupportDesk.SignInAsync(portal.Factory);
        var queue = await (await support.Client.GetAsync("/support/portages?Search=" + Uri.EscapeDataString(r.Reference!))).ReadHtmlAsync();
        Assert.Contains("souhaitée : 5 janvier 2027, le matin", queue.QuerySelector("[data-requested-date]")?.TextContent, StringComparison.Ordinal);
        await support.CheckDocumentsAsync(id); // the FOC form follows the pre-check
        var request = await (await support.Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.Equal("5 janvier 2027, le matin", request.QuerySelector("dd[data-requested-date]")?.TextContent.Trim());
        Assert.Equal("2027-01-05", request.QuerySelector("#SetFocDate_FocDate")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_request_page_takes_a_date_until_the_foc_date_is_set()
    {
        var (id, wizard) = await Wizard.SubmittedAsync(portal.Factory);
        var page = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.NotNull(page.QuerySelector("form[action$='/date-souhaitee']"));

        var refused = await PortalClient.PostFormAsync(wizard.Client, $"/portage/{id}", $"/portage/{id}/date-souhaitee",
            new Dictionary<string, string> { ["Version"] = Version(wizard, id), ["RequestedDate"] = "2026-12-19" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await refused.ReadHtmlAsync();
        Assert.Contains("Choisissez une date à partir du 22 décembre 2026", refusedPage.QuerySelector("#RequestedDate-error")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", refusedPage.QuerySelector("#RequestedDate")!.GetAttribute("aria-invalid"));
        Assert.Null(wizard.Load(id)!.RequestedPortDate);

        var saved = await PortalClient.PostFormAsync(wizard.Client, $"/portage/{id}", $"/portage/{id}/date-souhaitee",
            new Dictionary<string, string> { ["Version"] = Version(wizard, id), ["RequestedDate"] = "2027-01-12", ["RequestedHalfDay"] = "Afternoon" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var r = wizard.Load(id)!;
        Assert.Equal(new DateOnly(2027, 1, 12), r.RequestedPortDate);
        Assert.Contains(r.Events, e => e.Kind == PortRequestEventKind.PortDateRequested && e.RequestedPortDate == new DateOnly(2027, 1, 12));
        var after = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Contains("Date souhaitée enregistrée", after.QuerySelector("[data-confirmation]")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("12 janvier 2027, l'après-midi", after.QuerySelector("dd[data-requested-date]")?.TextContent.Trim());

        // Once support sets the FOC date, the carrier's date is the one that counts: no more asking.
        var support = await SupportDesk.SignInAsync(portal.Factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2027-01-12" });
        var dated = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Null(dated.QuerySelector("form[action$='/date-souhaitee']"));
        var locked = await PortalClient.PostForgedAsync(wizard.Client, $"/portage/{id}", $"/portage/{id}/date-souhaitee",
            new Dictionary<string, string> { ["Version"] = Version(wizard, id), ["RequestedDate"] = "2027-01-19" });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("La date de portage est déjà fixée", (await locked.ReadHtmlAsync()).QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 1, 12), wizard.Load(id)!.RequestedPortDate);
    }

    private static string Version(Wizard wizard, Guid id) =>
        wizard.Load(id)!.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
