using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingStatus;

/// <summary>
/// "Statut du portage" tells the truth about dates (issue 14, points 4 and 11): the CCF stage shows the porting day, a
/// late stage says so with an apology and a new date, both submission dates are shown, and a cancellation by support
/// gives its reason.
/// </summary>
public class StatusPageTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private static readonly Guid Martin = Guid.Parse("0b5c1e2a-6f4d-4c3b-9a1e-000000000001");
    private static readonly Actor Admin = new("status-admin", ActorRole.AccountAdmin, "Marie Martin");
    private static readonly Actor Support = new("status-support", ActorRole.Support, "Support Ooma");
    private static int _next;

    private async Task<Guid> SeedAsync(Action<PortRequest> then, DateTime submittedUtc)
    {
        var i = Interlocked.Increment(ref _next);
        var r = new PortRequestBuilder(Martin, Admin, submittedUtc)
            .Carrier("F1").CarrierAccount("SFR-1234")
            .Lines(($"02 98 {i:D2} 10 20", "F1A123456"))
            .Address("1 rue de Brest", "29200", "Brest").Holder("Marie", "Martin")
            .Submit($"POR-2095-{i:D6}");
        then(r);
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.PortRequests.Add(r);
        db.NotificationsSuppressed = true;
        await db.SaveChangesAsync();
        return r.Id;
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(Guid id)
    {
        var client = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieUser);
        return await (await client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
    }

    private static string Stage(AngleSharp.Html.Dom.IHtmlDocument page, int index) => page.QuerySelectorAll(".tracker li")[index].TextContent;

    /// <summary>
    /// The calendar file is offered by the page, the API and its own address exactly when the domain says
    /// (<see cref="PortRequest.HasCalendarFile"/>): once dated, and no longer once the port is done.
    /// </summary>
    [Fact]
    public async Task The_page_the_api_and_the_file_offer_the_calendar_exactly_when_the_domain_does()
    {
        var dated = await SeedAsync(r =>
            {
                r.CheckDocuments(Support, new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc));
                r.SetFocDate(Support, new DateOnly(2026, 12, 15), BusinessCalendar.France, new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc));
            },
            new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc));
        var waiting = await SeedAsync(r => r.CheckDocuments(Support, new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc)),
            new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc));
        var client = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieUser);
        var api = ApiClients.For(portal.Factory, await ApiClients.KeyAsync(portal.Factory, "Boulangerie Martin", Domain.Accounts.ApiKeyRole.Read));

        foreach (var (id, offered) in new[] { (dated, true), (waiting, false) })
        {
            var page = await PageAsync(id);
            Assert.Equal(offered, page.QuerySelector($"a[href='/portage/{id}/ccf.ics']") is not null);
            var links = (await (await api.GetAsync($"/api/v1/port-requests/{id}")).JsonAsync()).GetProperty("links");
            Assert.Equal(offered, links.TryGetProperty("calendar", out var calendar) && calendar.ValueKind == System.Text.Json.JsonValueKind.String);
            Assert.Equal(offered ? System.Net.HttpStatusCode.OK : System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/portage/{id}/ccf.ics")).StatusCode);
            Assert.Equal(offered ? System.Net.HttpStatusCode.OK : System.Net.HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/port-requests/{id}/foc.ics")).StatusCode);
        }
    }

    [Fact]
    public async Task The_ccf_stage_shows_the_porting_day_not_the_day_it_was_announced()
    {
        var id = await SeedAsync(r =>
            {
                r.CheckDocuments(Support, new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc));
                r.SetFocDate(Support, new DateOnly(2026, 12, 15), BusinessCalendar.France, new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Utc));
            },
            new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc));

        var page = await PageAsync(id);

        Assert.Contains("le 15 décembre 2026", Stage(page, 1), StringComparison.Ordinal);
        Assert.DoesNotContain("26 novembre", Stage(page, 1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_stage_apologises_and_gives_the_next_expected_date_and_both_submissions_are_shown()
    {
        // Sent on 2 November, sent back, corrected on 9 November: the CCF was expected ten working days later, long before 1 December.
        var id = await SeedAsync(r =>
        {
            r.RequireAction(Support, [ReasonCode.HolderMismatch], "Le titulaire est la SARL.", new DateTime(2026, 11, 4, 10, 0, 0, DateTimeKind.Utc));
            r.Submit(Admin, new SignatureInput("Marie Martin", TermsAccepted: true, null, null, null, Domain.Porting.SignerCapacity.Manager, AuthorityConfirmed: true,
                Domain.Porting.SignerConfirmation.ByEmailCode("signataire@exemple.fr", DateTime.UnixEpoch)), PortRequestBuilder.DefaultTerms, null,
                new DateTime(2026, 11, 9, 10, 0, 0, DateTimeKind.Utc));
        }, new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc));

        var page = await PageAsync(id);

        var ccf = Stage(page, 1);
        Assert.Contains("en retard, nous nous en excusons", ccf, StringComparison.Ordinal);
        Assert.Contains("nouvelle estimation : le 2 décembre 2026", ccf, StringComparison.Ordinal);
        Assert.DoesNotContain("prévue vers", ccf, StringComparison.Ordinal);
        Assert.Contains("le 2 novembre 2026", Stage(page, 0), StringComparison.Ordinal);
        var sent = page.QuerySelectorAll(".summary-row").First(row => row.TextContent.Contains("Envoyée le", StringComparison.Ordinal)).TextContent;
        Assert.Contains("2 novembre 2026 ; corrigée et renvoyée le 9 novembre 2026", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expected_date_agrees_with_its_stage_and_the_first_of_the_month_is_an_ordinal()
    {
        // Submitted on Tuesday 17 November: the CCF is expected ten working days later, on Tuesday 1 December (today).
        var id = await SeedAsync(_ => { }, new DateTime(2026, 11, 17, 10, 0, 0, DateTimeKind.Utc));

        var page = await PageAsync(id);

        Assert.Contains("prévue vers le 1er décembre 2026", Stage(page, 1), StringComparison.Ordinal);
        Assert.DoesNotContain("retard", page.QuerySelector(".tracker")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_by_support_shows_its_reason()
    {
        var id = await SeedAsync(r => r.Cancel(Support, "Le client a résilié sa ligne chez SFR.", BusinessCalendar.France,
            new DateTime(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc)), new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc));

        var page = await PageAsync(id);

        var note = page.QuerySelector("[data-cancellation]")!.TextContent;
        Assert.Contains("Notre équipe a annulé cette demande le 27 novembre 2026.", note, StringComparison.Ordinal);
        Assert.Contains("Motif : Le client a résilié sa ligne chez SFR.", note, StringComparison.Ordinal);
    }
}
