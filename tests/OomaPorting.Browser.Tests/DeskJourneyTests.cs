using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OomaPorting.Domain.Calendar;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// A desk lead's morning (issue 17): the dashboard, the queue filtered to one carrier's late requests nobody has
/// taken, two taken, one FOC date for both in one action, the queue exported; axe on every page, the batch ticked and
/// sent with the keyboard.
/// </summary>
[Collection(nameof(SharedBrowser))]
public class DeskJourneyTests(BrowserPortal portal)
{
    /// <summary>Two requests of OVH (a carrier no other journey uses) submitted a month ago and never dated: late.</summary>
    private async Task<(Guid Id, string Reference)[]> LateOvhRequestsAsync()
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.NotificationsSuppressed = true;
        var account = await db.Accounts.IgnoreQueryFilters().SingleAsync(a => a.CompanyName == "Cabinet Durand");
        var admin = new Domain.Common.Actor("desk-journey-admin", Domain.Common.ActorRole.AccountAdmin, "Admin");
        var monthAgo = portal.Clock.GetUtcNow().UtcDateTime.AddDays(-30);
        var requests = new List<(Guid, string)>();
        for (var i = 0; i < 2; i++)
        {
            var reference = await References.NextAsync(db, monthAgo.Year, CancellationToken.None);
            var r = new Domain.Porting.PortRequestBuilder(account.Id, admin, monthAgo)
                .Carrier("F6").CarrierAccount("OVH-12345")
                .Lines(($"03 88 40 00 {i + 10:D2}", "F6A12B34C"))
                .Address("5 place Kléber", "67000", "Strasbourg").Holder("Paul", "Durand")
                .Submit(reference);
            r.CheckDocuments(new Domain.Common.Actor("desk-journey-support", Domain.Common.ActorRole.Support, "Support"), monthAgo.AddHours(2));
            db.PortRequests.Add(r);
            requests.Add((r.Id, reference));
        }

        await db.SaveChangesAsync();
        return [.. requests];
    }

    [BrowserFact]
    public async Task The_lead_filters_the_late_unassigned_requests_of_a_carrier_takes_two_dates_them_at_once_and_exports_the_queue()
    {
        var requests = await LateOvhRequestsAsync();
        var agent = await portal.SignInAsync(DemoData.SupportAgent);

        // The dashboard is support's home page.
        await agent.GotoAsync("/");
        Assert.EndsWith("/support/tableau-de-bord", agent.Url, StringComparison.Ordinal);
        Assert.Equal("Tableau de bord du support", (await agent.InnerTextAsync("h1")).Trim());
        Assert.Equal(4, await agent.Locator("svg[role=img]").CountAsync());
        await BrowserPortal.CheckAsync(agent, "30-tableau-de-bord");

        // From it, the late requests nobody looks after; then one carrier.
        await agent.ClickAsync("text=Demandes en retard que personne ne suit");
        await agent.SelectOptionAsync("#Carrier", "F6");
        await agent.ClickAsync("text=Filtrer");
        await agent.WaitForURLAsync("**Carrier=F6**");
        var rows = agent.Locator("tbody tr[data-request]");
        Assert.Equal(requests.Select(r => r.Reference).Order(), (await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.request)")).Order());
        Assert.Equal(2, await agent.Locator("tbody [data-late=NoFocDate]").CountAsync());
        await BrowserPortal.CheckAsync(agent, "31-file-retards-ovh");
        var filtered = agent.Url;

        // Takes both.
        foreach (var (id, reference) in requests)
        {
            await agent.ClickAsync($"tbody a:text('{reference}')");
            await agent.ClickAsync("text=Prendre en charge");
            Assert.Equal("Support Ooma", (await agent.InnerTextAsync("[data-assignee]")).Trim());
            await agent.GotoAsync(filtered);
        }

        Assert.Equal(0, await agent.Locator("tbody tr[data-request]").CountAsync()); // nobody's: none left
        await agent.GotoAsync("/support/portages?Late=true&Carrier=F6&Assigned=moi");
        Assert.Equal(2, await agent.Locator("tbody [data-assignee]:text('Vous')").CountAsync());

        // One date for both, ticked and sent from the keyboard.
        var today = BusinessCalendar.DateInFrance(portal.Clock.GetUtcNow().UtcDateTime);
        var foc = BusinessCalendar.France.AddWorkingDays(today, 3);
        foreach (var (id, _) in requests)
        {
            await agent.FocusAsync($"#select-{id}");
            await agent.Keyboard.PressAsync("Space");
            Assert.True(await agent.IsCheckedAsync($"#select-{id}"));
        }

        await agent.FillAsync("#SetFocDates_FocDate", foc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await agent.FocusAsync("#bulk-foc button[type=submit]");
        await agent.Keyboard.PressAsync("Enter");
        await agent.WaitForSelectorAsync("text=Résultat de la date groupée");
        Assert.Equal(2, await agent.Locator("tr[data-outcome=done]").CountAsync());
        Assert.Contains("2 demandes mises à jour.", await agent.InnerTextAsync("[role=status]"), StringComparison.Ordinal);
        await BrowserPortal.CheckAsync(agent, "32-ccf-groupee");

        // The queue, exported.
        await agent.GotoAsync("/support/portages?Carrier=F6&Assigned=moi");
        var download = await agent.RunAndWaitForDownloadAsync(() => agent.ClickAsync("[data-export]"));
        Assert.Equal("portages.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var csv = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.All(requests, r => Assert.Contains(r.Reference, csv, StringComparison.Ordinal));
        Assert.Contains("Date de portage confirmée", csv, StringComparison.Ordinal);
    }
}
