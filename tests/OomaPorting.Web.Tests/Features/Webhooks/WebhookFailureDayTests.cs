using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Retention;
using OomaPorting.Web.Infrastructure.Webhooks;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Webhooks;

/// <summary>Webhooks over days, on a portal of their own whose clock moves: a day of failures, the log's retention.</summary>
public class WebhookFailureDayTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(ClockedPortal.Start);
    private readonly PortalFactory factory;

    public WebhookFailureDayTests() => factory = WebhookPortal.Make(clock, allowLocal: false);

    public void Dispose()
    {
        factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<Guid> LocalEndpointAsync(string company, string url, WebhookEvents events) =>
        WebhookSafetyTests.LocalEndpointAsync(factory, clock, company, url, events);

    [Fact]
    public async Task A_day_of_failures_disables_the_endpoint_gives_up_what_waits_and_tells_the_admins_once()
    {
        // A name of the machine itself: every attempt is refused when connecting.
        var endpointId = await LocalEndpointAsync("Cabinet Durand", "http://localhost:9/hooks", WebhookEvents.FocSet | WebhookEvents.FocMoved);
        var (id, _) = await Wizard.SubmittedAsync(factory, DemoData.DurandAdmin);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-16" });
        var processor = factory.Services.GetRequiredService<WebhookProcessor>();
        for (var hour = 0; hour <= 24; hour += 4)
        {
            await processor.DispatchDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromHours(4));
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var endpoint = await db.WebhookEndpoints.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == endpointId);
        Assert.False(endpoint.IsEnabled);
        Assert.Equal("Failures", endpoint.DisabledReason);
        var deliveries = Hooks.Deliveries(factory, endpointId);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(WebhookDeliveryStatus.Failed, d.Status));
        Assert.Equal(WebhookFailure.Address, deliveries[0].LastError);
        Assert.True(deliveries[0].Attempts >= 6);
        Assert.Equal(WebhookFailure.Disabled, deliveries[1].LastError);
        Assert.Equal(0, deliveries[1].Attempts);
        var mails = await db.OutboxMessages.Where(m => m.Kind == "WebhookDisabled").ToListAsync();
        Assert.Equal(DemoData.DurandAdmin, Assert.Single(mails).Recipient);
        Assert.Contains("http://localhost:9/hooks", mails[0].TextBody, StringComparison.Ordinal);

        // Disabled: later changes are not queued for it, and the admin's page says why.
        support = await SupportDesk.SignInAsync(factory);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-17" });
        Assert.Equal(2, Hooks.Deliveries(factory, endpointId).Count);
        var admin = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var page = await (await admin.GetAsync($"/integrations/webhooks/{endpointId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-state=\"disabled\"", page, StringComparison.Ordinal);
        Assert.Contains("après une journée d&#x27;échecs", page, StringComparison.Ordinal);

        // A month on, the log is gone with the bodies it held; a delivery of today and the endpoint stay.
        clock.Advance(TimeSpan.FromDays(31));
        using var after = factory.Services.CreateScope();
        var afterDb = after.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = Web.Features.Webhooks.WebhookNotifications.New(endpoint, Guid.NewGuid(), null, 0, "ping", "{}", clock.GetUtcNow().UtcDateTime);
        afterDb.WebhookDeliveries.Add(today);
        await afterDb.SaveChangesAsync();
        // (The job also runs on its own when the clock moves: what counts is what is left.)
        await factory.Services.GetRequiredService<PersonalDataRetention>().ApplyAsync(CancellationToken.None);
        Assert.Equal(today.Id, Assert.Single(Hooks.Deliveries(factory, endpointId)).Id);
        Assert.True(await afterDb.WebhookEndpoints.IgnoreQueryFilters().AnyAsync(e => e.Id == endpointId));
    }
}
