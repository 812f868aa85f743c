using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.SupportDashboard;

/// <summary>
/// The desk's dashboard against figures worked out by hand on a small data set (no demo data), on Tuesday
/// 1 December 2026, 09:00 in Paris: counts by status and turn, late by reason, the weekly flow, durations against the
/// promise, refusal reasons, and each carrier's record; the charts are there and named; the figures are at most a
/// minute old.
/// </summary>
public class DeskDashboardTests
{
    private static readonly Actor Admin = new("dash-admin", ActorRole.AccountAdmin, "A");
    private static readonly Actor Support = new("dash-support", ActorRole.Support, "S");
    private static readonly BusinessCalendar Calendar = BusinessCalendar.France;
    private static readonly PortingTerms Terms = new("2026-11-fr", "Conditions.");

    private static DateTime Utc(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static PortRequestBuilder New(Guid account, int i, DateTime at, string carrier) =>
        new PortRequestBuilder(account, Admin, at).Carrier(carrier).CarrierAccount("ACC-1234")
            .Lines(($"02 99 00 00 {i:D2}", carrier + "A123456")).Address("1 rue", "35000", "Rennes").Holder("A", "B");

    /// <summary>
    /// Numbers refused one by one are counted, and apart (issue 36, point 5: the dashboard's refusal figures ignored them):
    /// one refused by the carrier, two that failed the test call while the rest were ported; a test call that sends the
    /// whole request back is a sending-back, not counted here.
    /// </summary>
    [Fact]
    public async Task Numbers_refused_one_by_one_are_counted_by_the_carrier_and_at_the_test_call_apart()
    {
        var clock = new FakeTimeProvider(ClockedPortal.Start);
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["DemoData:Enabled"] = "false" }) { Clock = clock };
        await TestPeople.AgentAsync(factory, "lead2@ooma-office.test", admin: true);
        var (account, _) = await TestPeople.AccountAsync(factory, "Tableau Brest");
        PortRequestBuilder Block(int i) => new PortRequestBuilder(account, Admin, Utc(11, 2)).Carrier("F0").CarrierAccount("ACC-1234")
            .Lines(($"02 98 0{i} 00 00", "F0A123456"), ($"02 98 0{i} 00 01", null), ($"02 98 0{i} 00 02", null))
            .Address("1 rue", "29200", "Brest").Holder("A", "B");
        FrenchNumber N(int i, int n) => FrenchNumber.Parse($"02 98 0{i} 00 0{n}");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;
            var byCarrier = Block(1).FocConfirmed("POR-2026-880001", Support, new DateOnly(2026, 11, 16), Calendar, Utc(11, 4));
            byCarrier.RefuseNumbers(Support, [N(1, 2)], ReasonCode.RioInvalid, "RIO refusé", Utc(11, 5));
            var atTestCall = Block(2).FocConfirmed("POR-2026-880002", Support, new DateOnly(2026, 11, 16), Calendar, Utc(11, 4));
            atTestCall.StartTestCall(Support, Utc(11, 16));
            atTestCall.RecordTestCallFailedActionRequired(Support, "SDA muettes", [ReasonCode.NumberInactive], Utc(11, 16, 10), [N(2, 1), N(2, 2)]);
            var sentBack = Block(3).FocConfirmed("POR-2026-880003", Support, new DateOnly(2026, 11, 16), Calendar, Utc(11, 4));
            sentBack.StartTestCall(Support, Utc(11, 16));
            sentBack.RecordTestCallFailedActionRequired(Support, "RIO refusé", [ReasonCode.RioInvalid], Utc(11, 16, 10));
            db.PortRequests.AddRange(byCarrier, atTestCall, sentBack);
            await db.SaveChangesAsync();
        }

        var lead = await PortalClient.SignedInAsync(factory, "lead2@ooma-office.test");
        var page = await (await lead.GetAsync("/support/tableau-de-bord")).ReadHtmlAsync();
        Assert.Equal("Numéros refusés un à un ces 90 derniers jours, leur demande suivant son cours pour les autres : refusés par l'opérateur : 1 ; en échec à l'appel test : 2.",
            page.QuerySelector("[data-numbers-refused]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_dashboard_shows_the_hand_computed_figures_with_a_chart_and_a_table_for_each()
    {
        var clock = new FakeTimeProvider(ClockedPortal.Start);
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["DemoData:Enabled"] = "false" }) { Clock = clock };
        await TestPeople.AgentAsync(factory, "lead@ooma-office.test", admin: true);
        var (account, _) = await TestPeople.AccountAsync(factory, "Tableau Rennes");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;

            // A (SFR): submitted 2 Nov, dated 2 days later, completed 16 Nov: 14 days.
            var a = New(account, 1, Utc(11, 2), "F1").FocConfirmed("POR-2026-870001", Support, new DateOnly(2026, 11, 16), Calendar, Utc(11, 4));
            a.StartTestCall(Support, Utc(11, 16));
            a.RecordTestCallPassed(Support, Utc(11, 16, 10));

            // B (SFR): submitted 19 Oct, sent back (two reasons), corrected, dated on 26 Oct (7 days after its first submission), completed 9 Nov: 21 days.
            var b = New(account, 2, Utc(10, 19), "F1").Submit("POR-2026-870002");
            b.RequireAction(Support, [ReasonCode.HolderMismatch, ReasonCode.RioInvalid], "Titulaire et RIO", Utc(10, 20));
            b.Submit(Admin, new SignatureInput("A B", true, "127.0.0.1", "test", null, Domain.Porting.SignerCapacity.Manager, AuthorityConfirmed: true,
                Domain.Porting.SignerConfirmation.ByEmailCode("signataire@exemple.fr", DateTime.UnixEpoch)), Terms, null, Utc(10, 22));
            if (b.AwaitsDocumentsCheck)
            {
                b.CheckDocuments(Support, Utc(10, 26));
            }

            b.SetFocDate(Support, new DateOnly(2026, 11, 9), Calendar, Utc(10, 26));
            b.StartTestCall(Support, Utc(11, 9));
            b.RecordTestCallPassed(Support, Utc(11, 9, 10));

            // C (Orange): submitted 23 Nov, waiting for a date, on time. D (Orange): submitted 2 Nov, no date: late.
            var c = New(account, 3, Utc(11, 23), "F0").Submit("POR-2026-870003").Checked();
            var d = New(account, 4, Utc(11, 2), "F0").Submit("POR-2026-870004").Checked();
            d.AssignTo(Support, Support, true, Utc(11, 3)); // someone looks after D; nobody after E

            // E (Orange): submitted 1 Oct, dated 4 days later, test call failed (RIO) on 30 Oct, the customer silent since: late.
            var e = New(account, 5, Utc(10, 1), "F0").FocConfirmed("POR-2026-870005", Support, new DateOnly(2026, 10, 30), Calendar, Utc(10, 5));
            e.StartTestCall(Support, Utc(10, 30));
            e.RecordTestCallFailedActionRequired(Support, "RIO refusé", [ReasonCode.RioInvalid], Utc(10, 30, 10));

            // F (SFR): all in June, outside every window; it counts only among the completed.
            var f = New(account, 6, Utc(6, 1), "F1").FocConfirmed("POR-2026-870006", Support, new DateOnly(2026, 6, 30), Calendar, Utc(6, 3));
            f.StartTestCall(Support, Utc(6, 30));
            f.RecordTestCallPassed(Support, Utc(6, 30, 10));
            db.PortRequests.AddRange(a, b, c, d, e, f);
            await db.SaveChangesAsync();
        }

        var lead = await PortalClient.SignedInAsync(factory, "lead@ooma-office.test");
        var home = await lead.GetAsync("/");
        Assert.Equal("/support/tableau-de-bord", home.Headers.Location!.OriginalString); // support's home page
        var response = await lead.GetAsync("/support/tableau-de-bord");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        string Cell(string table, string row, int column = 1) =>
            page.QuerySelector($"[data-table={table}] tr[{row}]")!.QuerySelectorAll("td")[column - 1].TextContent.Trim();

        Assert.Equal("3", page.QuerySelector("[data-figure=under-way]")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("[data-figure=late]")!.TextContent.Trim());
        Assert.Equal("1", page.QuerySelector("[data-figure=late-unassigned]")!.TextContent.Trim());
        Assert.Equal(["3", "2", "1", "0", "0", "0"], new[] { Cell("status", "data-status=Completed"), Cell("status", "data-status=Submitted"),
            Cell("status", "data-status=ActionRequired"), Cell("status", "data-status=FocConfirmed"), Cell("status", "data-status=TestCall"), Cell("status", "data-status=Cancelled") });
        Assert.Equal(["2", "1", "0"], new[] { Cell("turn", "data-turn=Carrier"), Cell("turn", "data-turn=Customer"), Cell("turn", "data-turn=Support") });
        Assert.Equal(["1", "1", "0", "0"], new[] { Cell("late", "data-late=NoFocDate"), Cell("late", "data-late=CustomerSilent"),
            Cell("late", "data-late=FocPassed"), Cell("late", "data-late=TestCallOpen") });

        // The weekly flow: twelve weeks from Monday 14 September to this one; first submissions and completions.
        var weeks = page.QuerySelectorAll("[data-table=flow] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());
        Assert.Equal(12, weeks.Count);
        Assert.Equal("Semaine du 14 septembre 2026", weeks.Keys.First());
        Assert.Equal("Semaine du 30 novembre 2026", weeks.Keys.Last());
        Assert.Equal(["1", "0"], weeks["Semaine du 28 septembre 2026"]); // E
        Assert.Equal(["1", "0"], weeks["Semaine du 19 octobre 2026"]); // B (its resubmission is not a new request)
        Assert.Equal(["2", "0"], weeks["Semaine du 2 novembre 2026"]); // A, D
        Assert.Equal(["0", "1"], weeks["Semaine du 9 novembre 2026"]); // B completed
        Assert.Equal(["0", "1"], weeks["Semaine du 16 novembre 2026"]); // A completed
        Assert.Equal(["1", "0"], weeks["Semaine du 23 novembre 2026"]); // C
        Assert.Equal(5, weeks.Values.Sum(w => int.Parse(w[0], System.Globalization.CultureInfo.InvariantCulture)));

        // Durations: 14 and 21 days: median 17,5, 90 % in 21 days or less, both within the promise.
        Assert.Equal("2 portages terminés ces 90 derniers jours : médiane 17,5 jours, 90 % en 21 jours ou moins ; 100 % dans la promesse de 3 à 4 semaines (28 jours au plus).",
            page.QuerySelector("[data-durations]")!.TextContent.Trim().Replace('\u00a0', ' ').Replace('\u202f', ' '));
        var buckets = page.QuerySelectorAll("[data-table=durations] tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()).ToArray();
        Assert.Equal(["0", "1", "1", "0", "0", "0", "0"], buckets);

        // Refusal reasons: the RIO twice (B, E), the holder once (B).
        Assert.Equal(["RioInvalid", "HolderMismatch"], page.QuerySelectorAll("[data-table=reasons] tbody tr").Select(r => r.GetAttribute("data-reason")));
        Assert.Equal(["2", "1"], page.QuerySelectorAll("[data-table=reasons] tbody tr td").Select(td => td.TextContent.Trim()));

        // Carriers, first submitted in the last 90 days: Orange C, D, E (dated after 4 days; E sent back); SFR A, B (2 and 7 days; B sent back).
        Assert.Equal(["F0", "F1"], page.QuerySelectorAll("[data-table=carriers] tbody tr").Select(r => r.GetAttribute("data-carrier")));
        Assert.Equal(["3", "4", "33 % (1)"], page.QuerySelectorAll("[data-table=carriers] tr[data-carrier=F0] td").Select(td => td.TextContent.Trim().Replace('\u00a0', ' ').Replace('\u202f', ' ')));
        Assert.Equal(["2", "4,5", "50 % (1)"], page.QuerySelectorAll("[data-table=carriers] tr[data-carrier=F1] td").Select(td => td.TextContent.Trim().Replace('\u00a0', ' ').Replace('\u202f', ' ')));

        // Four charts, each an image named by its title.
        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.Equal(["Demandes envoyées et terminées par semaine", "Durée d'un portage, de l'envoi à la fin", "Motifs de renvoi au client", "Par opérateur"],
            charts.Select(c => c.GetAttribute("aria-label")));

        // The weekly axis names every other week (twelve dates ran into each other); the durations chart says in words
        // which buckets keep the promise, its bars told apart by lightness, not by hue alone (issue 36, point 22).
        var flowText = string.Join("|", charts[0].QuerySelectorAll("text").Select(t => t.TextContent.Trim()));
        var weekLabels = charts[0].QuerySelectorAll("text").Count(t => System.Text.RegularExpressions.Regex.IsMatch(t.TextContent.Trim(), @"^\d{1,2}\s\p{L}"));
        Assert.True(weekLabels is > 0 and <= 6, $"{weekLabels} week labels: {flowText}");
        var durationsText = string.Join("|", charts[1].QuerySelectorAll("text").Select(t => t.TextContent.Trim()));
        Assert.Contains("Dans la promesse (3 à 4 semaines)", durationsText, StringComparison.Ordinal);
        Assert.Contains("Hors promesse", durationsText, StringComparison.Ordinal);

        // A new request, then the cache: the figures are kept, and refreshed behind the page once half a minute old.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;
            db.PortRequests.Add(New(account, 7, Utc(11, 30), "F1").Submit("POR-2026-870007"));
            await db.SaveChangesAsync();
        }

        async Task<string> UnderWayAsync() =>
            (await (await lead.GetAsync("/support/tableau-de-bord")).ReadHtmlAsync()).QuerySelector("[data-figure=under-way]")!.TextContent.Trim();

        // Half a minute old: still the figures in hand. Past it, they are served while a refresh runs behind them, and
        // the new figure arrives before the minute is up (the clock stands still at 31 s while the refresh runs).
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal("3", await UnderWayAsync());
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("3", await UnderWayAsync());
        var refreshed = "3";
        for (var attempt = 0; attempt < 100 && refreshed == "3"; attempt++)
        {
            await Task.Delay(50);
            refreshed = await UnderWayAsync();
        }

        Assert.Equal("4", refreshed);
    }
}
