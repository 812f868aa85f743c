using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>
/// "En retard" covers every state a request can stall in, says why, and follows the <c>Sla</c> settings (issue 17,
/// part 1): the queue evaluates the domain's own rule (<c>SlaCutoffs</c>) in its SQL.
/// </summary>
public class LateRequestsTests
{
    private static readonly Actor Admin = new("late-admin", ActorRole.AccountAdmin, "A");
    private static readonly Actor Support = new("late-support", ActorRole.Support, "S");

    /// <summary>Three stalled requests of Cabinet Durand and one on time, all made through the domain at past times.</summary>
    internal static async Task SeedAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.NotificationsSuppressed = true;
        var durand = await db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Cabinet Durand").Select(a => a.Id).SingleAsync();
        PortRequestBuilder New(int i, DateTime at) => new PortRequestBuilder(durand, Admin, at).Carrier("F1").CarrierAccount("SFR-1234")
            .Lines(($"02 98 00 00 {i:D2}", "F1A123456")).Address("1 rue", "29000", "Quimper").Holder("A", "B");

        var quiet = New(1, new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc)).Submit("POR-2026-900001"); // 21 working days ago
        quiet.CheckDocuments(Support, new DateTime(2026, 11, 2, 11, 0, 0, DateTimeKind.Utc));
        var waiting = New(5, new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc)).Submit("POR-2026-900005"); // documents unchecked 3 working days
        var silent = New(2, new DateTime(2026, 11, 10, 9, 0, 0, DateTimeKind.Utc)).Submit("POR-2026-900002");
        silent.RequireAction(Support, [ReasonCode.RioInvalid], "Le RIO ne correspond pas.", new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc));
        var passed = New(3, new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc))
            .FocConfirmed("POR-2026-900003", Support, new DateOnly(2026, 11, 30), BusinessCalendar.France, new DateTime(2026, 11, 4, 9, 0, 0, DateTimeKind.Utc));
        var fresh = New(4, new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc)).Submit("POR-2026-900004");
        db.PortRequests.AddRange(quiet, silent, passed, fresh, waiting);
        await db.SaveChangesAsync();
    }

    private static async Task<Dictionary<string, (string Reason, string Text)>> LateAsync(PortalFactory factory)
    {
        var support = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);
        var page = await (await support.GetAsync("/support/portages?Late=true&Account=Durand")).ReadHtmlAsync();
        return page.QuerySelectorAll("main tbody tr").Where(r => r.QuerySelector("[data-late]") is not null)
            .ToDictionary(r => r.QuerySelector("a")!.TextContent.Trim(),
                r => (r.QuerySelector("[data-late]")!.GetAttribute("data-late")!, r.QuerySelector("[data-late]")!.TextContent.Trim()));
    }

    [Fact]
    public async Task Every_stalled_state_is_flagged_with_its_reason_and_a_request_on_time_is_not()
    {
        using var factory = new PortalFactory { Clock = new FakeTimeProvider(ClockedPortal.Start) }; // Tuesday 1 December 2026
        await SeedAsync(factory);
        var late = await LateAsync(factory);
        Assert.Equal(("NoFocDate", "Pas de date de portage plus de 10 jours ouvrés après l'envoi"), late["POR-2026-900001"]);
        Assert.Equal(("CustomerSilent", "Renvoyée au client il y a plus de 5 jours ouvrés, sans correction"), late["POR-2026-900002"]);
        Assert.Equal(("FocPassed", "Date de portage passée sans appel test"), late["POR-2026-900003"]);
        Assert.Equal(("NotChecked", "Pièces pas encore vérifiées : délai de vérification dépassé (jours ouvrés : 1)"), late["POR-2026-900005"]);
        Assert.False(late.ContainsKey("POR-2026-900004")); // submitted yesterday: its check is not late yet
    }

    [Fact]
    public async Task The_limits_come_from_the_sla_settings()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Sla:FocWithinWorkingDays"] = "30", ["Sla:CustomerSilentAfterWorkingDays"] = "15", ["Sla:CheckWithinWorkingDays"] = "5",
        }) { Clock = new FakeTimeProvider(ClockedPortal.Start) };
        await SeedAsync(factory);
        var late = await LateAsync(factory);
        Assert.Equal(["POR-2026-900003"], late.Keys.Order());
    }
}
