using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>
/// Splitting the work (issue 17): taking, releasing and handing over requests, one FOC date for a carrier's batch, and
/// the agent told when the customer acts on their request. One portal for the class, its clock on Tuesday 1 December 2026.
/// </summary>
public class DeskWorkTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private static readonly Actor Admin = new("work-admin", ActorRole.AccountAdmin, "A");
    private static readonly Actor Support = new("work-support", ActorRole.Support, "S");
    private static readonly Guid Martin = Guid.Parse("0b5c1e2a-6f4d-4c3b-9a1e-000000000001");
    private static DateTime Utc(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, DateTimeKind.Utc);

    private PortalFactory Factory => portal.Factory;

    private static PortRequestBuilder New(Guid account, int i, DateTime at, string carrier = "F1") =>
        new PortRequestBuilder(account, Admin, at).Carrier(carrier).CarrierAccount("ACC-1234")
            .Lines(($"02 96 {i / 100 % 100:D2} {i % 100:D2} 00", carrier + "A123456")).Address("1 rue", "22000", "Saint-Brieuc").Holder("A", "B");

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work, bool notify = false)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.NotificationsSuppressed = !notify;
        return await work(db);
    }

    private Task<PortRequest> RequestAsync(Guid id) =>
        WithDbAsync(db => db.PortRequests.IgnoreQueryFilters().AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id));

    private static Task<HttpResponseMessage> AssignAsync(HttpClient client, Guid id, string assignee) =>
        PortalClient.PostFormAsync(client, $"/support/portages/{id}", $"/support/portages/{id}/attribution", new Dictionary<string, string> { ["AssigneeId"] = assignee });

    [Fact]
    public async Task An_agent_takes_and_releases_a_request_only_a_lead_hands_one_over_and_the_history_and_the_queue_say_who()
    {
        var (claireId, _) = await TestPeople.AgentAsync(Factory, "claire@ooma-office.test");
        var (malikId, _) = await TestPeople.AgentAsync(Factory, "malik@ooma-office.test");
        var (account, _) = await TestPeople.AccountAsync(Factory, "Affectation Quimper");
        var id = await WithDbAsync(async db =>
        {
            var r = New(account, 1, Utc(11, 25)).Submit("POR-2026-840001");
            db.PortRequests.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var claire = await PortalClient.SignedInAsync(Factory, "claire@ooma-office.test");
        var malik = await PortalClient.SignedInAsync(Factory, "malik@ooma-office.test");
        var lead = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);

        // A plain agent may take it, not hand it to someone else (no such choice on the page).
        var page = await (await claire.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.Equal("Personne pour l'instant", page.QuerySelector("[data-assignee]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-give-to]"));
        Assert.Equal(HttpStatusCode.Forbidden, (await claire.GetAsync($"/support/portages/{id}/attribution")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(claire, id, claireId)).StatusCode);
        page = await (await claire.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.Equal("Agent claire", page.QuerySelector("[data-assignee]")!.TextContent.Trim());
        Assert.Equal("Confiée à Agent claire", page.QuerySelector("[data-assignment]")!.TextContent.Trim());

        var mine = await (await claire.GetAsync("/support/portages?Assigned=moi&Account=Quimper")).ReadHtmlAsync();
        Assert.Equal("Vous", mine.QuerySelector("tr[data-request='POR-2026-840001'] [data-assignee]")!.TextContent.Trim());
        var theirs = await (await malik.GetAsync("/support/portages?Account=Quimper")).ReadHtmlAsync();
        Assert.Equal("Agent claire", theirs.QuerySelector("tr[data-request='POR-2026-840001'] [data-assignee]")!.TextContent.Trim());
        Assert.Empty((await (await malik.GetAsync("/support/portages?Assigned=moi&Account=Quimper")).ReadHtmlAsync()).QuerySelectorAll("tr[data-request]"));

        // Another agent cannot take it from her: refused in words, nothing changes.
        var refused = await PortalClient.PostForgedAsync(malik, $"/support/portages/{id}", $"/support/portages/{id}/attribution",
            new Dictionary<string, string> { ["AssigneeId"] = malikId }); // no "take" button is offered to him: a forged post
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Un autre agent suit déjà cette demande", (await refused.ReadHtmlAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(claireId, (await RequestAsync(id)).AssignedToUserId);

        // The lead hands it to Malik, from the list of agents.
        page = await (await lead.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.Equal($"/support/portages/{id}/attribution", page.QuerySelector("[data-give-to]")!.GetAttribute("href"));
        page = await (await lead.GetAsync($"/support/portages/{id}/attribution")).ReadHtmlAsync();
        Assert.Contains(page.QuerySelectorAll("#AssignRequest_AssigneeId option"), o => o.GetAttribute("value") == malikId);
        Assert.DoesNotContain(page.QuerySelectorAll("#AssignRequest_AssigneeId option"), o => o.GetAttribute("value") == claireId); // already hers
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(lead, id, malikId)).StatusCode);
        var r = await RequestAsync(id);
        Assert.Equal(malikId, r.AssignedToUserId);
        var handover = r.Events.OrderBy(e => e.Sequence).Last();
        Assert.Equal((PortRequestEventKind.AssignmentChanged, "Support Ooma", "Agent malik"), (handover.Kind, handover.ActorName, handover.AssigneeName));

        // Malik releases it: unassigned again, and an unknown or customer id is never accepted as an assignee.
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(malik, id, "")).StatusCode);
        var free = await (await lead.GetAsync("/support/portages?Assigned=personne&Account=Quimper")).ReadHtmlAsync();
        Assert.NotNull(free.QuerySelector("tr[data-request='POR-2026-840001']"));
        var customerId = await WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.BoulangerieAdmin).Select(u => u.Id).SingleAsync());
        var notAgent = await AssignAsync(lead, id, customerId);
        Assert.Contains("Choisissez un agent du support actif.", (await notAgent.ReadHtmlAsync()).QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Null((await RequestAsync(id)).AssignedToUserId);
    }

    [Fact]
    public async Task The_customer_never_sees_who_on_the_desk_looks_after_the_request()
    {
        var id = await WithDbAsync(async db =>
        {
            var r = New(Martin, 5, Utc(11, 25)).Submit("POR-2026-840005");
            var agent = new Actor("someone", ActorRole.Support, "Agent Secret");
            r.AssignTo(agent, agent, false, Utc(11, 26));
            db.PortRequests.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var customer = await PortalClient.SignedInAsync(Factory, DemoData.BoulangerieAdmin);
        var html = await (await customer.GetAsync($"/portage/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("Demande envoyée", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Agent Secret", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Prise en charge modifiée", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_foc_date_for_a_batch_changes_each_allowed_request_on_its_own_and_says_why_the_others_were_refused()
    {
        var (account, _) = await TestPeople.AccountAsync(Factory, "Lot Brest");
        var ids = await WithDbAsync(async db =>
        {
            var submitted = New(account, 11, Utc(11, 20)).Submit("POR-2026-850001").Checked();
            var dated = New(account, 12, Utc(11, 20)).FocConfirmed("POR-2026-850002", Support, new DateOnly(2026, 12, 8), BusinessCalendar.France, Utc(11, 23));
            var sentBack = New(account, 13, Utc(11, 20)).Submit("POR-2026-850003");
            sentBack.RequireAction(Support, [ReasonCode.RioInvalid], "RIO faux", Utc(11, 24));
            var stale = New(account, 14, Utc(11, 20)).Submit("POR-2026-850004").Checked();
            var orange = New(account, 15, Utc(11, 20), "F0").Submit("POR-2026-850005").Checked();
            var notChecked = New(account, 16, Utc(11, 20)).Submit("POR-2026-850006"); // its documents not checked yet
            db.PortRequests.AddRange(submitted, dated, sentBack, stale, orange, notChecked);
            await db.SaveChangesAsync();
            return new[] { submitted, dated, sentBack, stale, orange, notChecked }.Select(r => (r.Id, r.Version)).ToArray();
        });
        string Pick(int i) => $"{ids[i].Id}:{ids[i].Version}";
        var client = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        var token = await PortalClient.TokenAsync(client, "/support/portages?Account=Lot+Brest");
        Task<HttpResponseMessage> PostAsync(string? date, params string[] selected) =>
            client.PostAsync("/support/portages/ccf-groupee", new FormUrlEncodedContent(
                selected.Select(s => new KeyValuePair<string, string>("Selected", s))
                    .Append(new("FocDate", date ?? string.Empty)).Append(new("Queue.Account", "Lot Brest")).Append(new("__RequestVerificationToken", token))));

        // Two carriers, or no date: refused at the field, the same queue shown again, nothing changed.
        var mixed = await (await PostAsync("2026-12-10", Pick(0), Pick(4))).ReadHtmlAsync();
        Assert.Equal("Les demandes cochées doivent être d'un même opérateur : l'opérateur confirme ses dates par lot.",
            mixed.QuerySelector("#SetFocDates_Selected-error")!.TextContent.Trim());
        Assert.Equal(6, mixed.QuerySelectorAll("tr[data-request]").Length);
        Assert.True(mixed.QuerySelector($"input[value='{Pick(0)}']")!.HasAttribute("checked")); // the ticks are kept
        Assert.False(mixed.QuerySelector($"input[value='{Pick(1)}']")!.HasAttribute("checked"));
        var noDate = await (await PostAsync(null, Pick(0))).ReadHtmlAsync();
        Assert.NotNull(noDate.QuerySelector("#SetFocDates_FocDate-error"));
        Assert.Null((await RequestAsync(ids[0].Id)).FocDate);

        // Meanwhile someone takes the fourth one: its version moves on.
        await WithDbAsync(async db =>
        {
            var r = await db.PortRequests.IgnoreQueryFilters().SingleAsync(x => x.Id == ids[3].Id);
            r.AssignTo(Support, Support, true, Utc(12, 1, 8));
            return await db.SaveChangesAsync();
        });

        var response = await PostAsync("2026-12-10", Pick(0), Pick(1), Pick(2), Pick(3), Pick(5));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadHtmlAsync();
        var outcomes = result.QuerySelectorAll("tr[data-outcome]").ToDictionary(tr => tr.QuerySelector("td")!.TextContent.Trim(), tr => tr);
        Assert.Equal("done", outcomes["POR-2026-850001"].GetAttribute("data-outcome"));
        Assert.Equal("done", outcomes["POR-2026-850002"].GetAttribute("data-outcome"));
        Assert.Contains("Cette action n'est pas possible à l'étape actuelle de la demande.", outcomes["POR-2026-850003"].TextContent, StringComparison.Ordinal);
        Assert.Contains("La demande a changé depuis l'affichage de la liste", outcomes["POR-2026-850004"].TextContent, StringComparison.Ordinal);
        Assert.Contains("Vérifiez d'abord les pièces de la demande", outcomes["POR-2026-850006"].TextContent, StringComparison.Ordinal);
        Assert.Contains("2 demandes mises à jour.", result.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        // Each changed through its own domain method: its own event and its own e-mail.
        var first = await RequestAsync(ids[0].Id);
        Assert.Equal((PortRequestStatus.FocConfirmed, new DateOnly(2026, 12, 10)), (first.Status, first.FocDate!.Value));
        Assert.Equal(PortRequestEventKind.FocDateSet, first.Events.OrderBy(e => e.Sequence).Last().Kind);
        var moved = (await RequestAsync(ids[1].Id)).Events.OrderBy(e => e.Sequence).Last();
        Assert.Equal((PortRequestEventKind.FocDateMoved, new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 10)), (moved.Kind, moved.OldFocDate!.Value, moved.NewFocDate!.Value));
        Assert.Equal(PortRequestStatus.ActionRequired, (await RequestAsync(ids[2].Id)).Status);
        Assert.Null((await RequestAsync(ids[3].Id)).FocDate);
        Assert.Null((await RequestAsync(ids[5].Id)).FocDate);
        var mails = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.PortRequestId == ids[0].Id || m.PortRequestId == ids[1].Id)
            .Select(m => new { m.PortRequestId, m.Kind }).ToListAsync());
        Assert.Single(mails, m => m.PortRequestId == ids[0].Id && m.Kind == "FocDateSet");
        Assert.Single(mails, m => m.PortRequestId == ids[1].Id && m.Kind == "FocDateMoved");
    }

    [Fact]
    public async Task The_agent_who_took_a_request_is_told_once_per_customer_action()
    {
        await TestPeople.AgentAsync(Factory, "yann@ooma-office.test", twoFactor: false);
        var yannId = await WithDbAsync(db => db.Users.Where(u => u.Email == "yann@ooma-office.test").Select(u => u.Id).SingleAsync());
        var (id, freeId) = await WithDbAsync(async db =>
        {
            var yann = new Actor(yannId, ActorRole.Support, "Agent yann");
            var r = New(Martin, 21, Utc(11, 20)).Submit("POR-2026-860001");
            r.AssignTo(yann, yann, false, Utc(11, 21));
            var free = New(Martin, 22, Utc(11, 20)).Submit("POR-2026-860002");
            db.PortRequests.AddRange(r, free);
            await db.SaveChangesAsync();
            return (r.Id, free.Id);
        });
        var customer = await PortalClient.SignedInAsync(Factory, DemoData.BoulangerieAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(customer, $"/portage/{id}", $"/portage/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "Voici le bon RIO." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(customer, $"/portage/{freeId}", $"/portage/{freeId}/messages",
            new Dictionary<string, string> { ["Body"] = "Et pour celle-ci ?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(customer, $"/portage/{id}/annuler", $"/portage/{id}/annuler",
            new Dictionary<string, string> { ["Reason"] = "Nous restons chez SFR." })).StatusCode);

        var alerts = await WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == "AssigneeAlert").ToListAsync());
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a => Assert.Equal(("yann@ooma-office.test", id), (a.Recipient, a.PortRequestId!.Value)));
        Assert.Single(alerts, a => a.TextBody.Contains("Nouveau message du client", StringComparison.Ordinal));
        Assert.Single(alerts, a => a.TextBody.Contains("Demande annulée", StringComparison.Ordinal));
        Assert.All(alerts, a => Assert.Contains("POR-2026-860001", a.Subject, StringComparison.Ordinal));
    }
}
