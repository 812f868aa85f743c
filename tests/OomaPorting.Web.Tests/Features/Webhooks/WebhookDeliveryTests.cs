using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Webhooks;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Webhooks;

/// <summary>Webhooks delivered to a real HTTP receiver on the loopback: signature, order, exactly once, retries, a hanging receiver.</summary>
public class WebhookDeliveryTests(WebhookPortal portal) : IClassFixture<WebhookPortal>
{
    private static readonly string[] AllEvents =
        ["Submitted", "Resubmitted", "SentBack", "FocSet", "FocMoved", "TestCallStarted", "Completed", "Cancelled", "NumbersRefused", "SupportMessage"];

    private readonly PortalFactory factory = portal.Factory;

    private static List<WebhookReceiver.Received> About(WebhookReceiver receiver, Guid requestId) =>
        [.. receiver.Calls.Where(c => c.Json.GetProperty("data").GetProperty("portRequest").ValueKind != System.Text.Json.JsonValueKind.Null
            && c.Json.GetProperty("data").GetProperty("portRequest").GetProperty("id").GetGuid() == requestId)];

    [Fact]
    public async Task Every_event_of_a_request_arrives_once_signed_and_in_order_and_only_the_events_picked()
    {
        await Hooks.ResetAsync(factory, "Boulangerie Martin");
        await using var everything = await WebhookReceiver.StartAsync();
        await using var datesOnly = await WebhookReceiver.StartAsync();
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var (_, secret) = await Hooks.RegisterAsync(admin, everything.Url, AllEvents);
        var (_, datesSecret) = await Hooks.RegisterAsync(admin, datesOnly.Url, "FocSet", "FocMoved");

        var (id, _) = await Wizard.SubmittedAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        await PortalClient.PostFormAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "NOTE-INTERNE : ne pas transmettre", ["Internal"] = "true" });
        await PortalClient.PostFormAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "Orange confirme la date." });
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-16", ["Comment"] = "Report demandé par Orange" });
        await support.DoAsync(id, "annuler", new() { ["Reason"] = "Demande du client." });
        await Hooks.DrainAsync(factory);

        var received = About(everything, id);
        Assert.Equal(["port_request.submitted", "port_request.foc_set", "port_request.message", "port_request.foc_moved", "port_request.cancelled"],
            received.Select(c => c.Json.GetProperty("type").GetString()));
        Assert.Equal([1L, 2, 3, 4, 5], received.Select(c => c.Json.GetProperty("sequence").GetInt64()));
        Assert.Equal(received.Count, received.Select(c => c.EventId).Distinct().Count());
        Assert.All(received, c =>
        {
            Assert.True(c.SignedWith(secret, portal.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)), "The signature does not verify.");
            Assert.False(c.SignedWith(datesSecret, portal.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
            Assert.Equal(c.EventId, c.Json.GetProperty("id").GetString());
            Assert.Equal(c.EventType, c.Json.GetProperty("type").GetString());
            Assert.StartsWith("application/json", c.ContentType, StringComparison.Ordinal);
        });

        // The request as it stood after each change, and what the event is about.
        Assert.Equal("submitted", received[0].Json.GetProperty("data").GetProperty("portRequest").GetProperty("status").GetString());
        Assert.StartsWith("POR-", received[0].Json.GetProperty("data").GetProperty("portRequest").GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-12-15", received[1].Json.GetProperty("data").GetProperty("portRequest").GetProperty("focDate").GetString());
        Assert.Equal("Orange confirme la date.", received[2].Json.GetProperty("data").GetProperty("message").GetProperty("body").GetString());
        Assert.Equal("2026-12-16", received[3].Json.GetProperty("data").GetProperty("portRequest").GetProperty("focDate").GetString());
        Assert.Equal("cancelled", received[4].Json.GetProperty("data").GetProperty("portRequest").GetProperty("status").GetString());
        Assert.Equal(1, received[0].Json.GetProperty("data").GetProperty("portRequest").GetProperty("numberCount").GetInt32());
        Assert.DoesNotContain(everything.Calls, c => c.Body.Contains("NOTE-INTERNE", StringComparison.Ordinal));

        // The endpoint that picked the dates got the dates only, with its own secret, the request's sequence kept.
        var dates = About(datesOnly, id);
        Assert.Equal(["port_request.foc_set", "port_request.foc_moved"], dates.Select(c => c.Json.GetProperty("type").GetString()));
        Assert.All(dates, c => Assert.True(c.SignedWith(datesSecret, portal.Clock.GetUtcNow(), TimeSpan.FromMinutes(5))));

        // A second run of the dispatcher sends nothing again.
        var before = everything.Calls.Count;
        await Hooks.DrainAsync(factory);
        Assert.Equal(before, everything.Calls.Count);
    }

    [Fact]
    public async Task A_receiver_failing_twice_then_answering_gets_one_delivery_with_three_attempts()
    {
        await Hooks.ResetAsync(factory, "Cabinet Durand");
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (n, _) => Task.FromResult(n switch { 1 => 500, 2 => 503, _ => 204 });
        var admin = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var (endpointId, secret) = await Hooks.RegisterAsync(admin, receiver.Url, "FocSet");
        var (id, _) = await Wizard.SubmittedAsync(factory, DemoData.DurandAdmin);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        await Hooks.DrainAsync(factory);

        Assert.Equal(3, receiver.Calls.Count);
        Assert.Single(receiver.Calls.Select(c => c.EventId).Distinct());
        Assert.Single(receiver.Calls.Select(c => c.Body).Distinct());
        Assert.All(receiver.Calls, c => Assert.True(c.SignedWith(secret, portal.Clock.GetUtcNow(), TimeSpan.FromMinutes(5))));
        var delivery = Assert.Single(Hooks.Deliveries(factory, endpointId));
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(204, delivery.LastStatusCode);
        Assert.Null(delivery.LastError);

        // The admin sees it in the log, and can send it again: same event id, same body, a new delivery.
        var log = await (await admin.GetAsync($"/integrations/webhooks/{endpointId}")).Content.ReadAsStringAsync();
        Assert.Contains($"data-delivery=\"{delivery.Id}\" data-status=\"Delivered\"", log, StringComparison.Ordinal);
        var resend = await PortalClient.PostFormAsync(admin, $"/integrations/webhooks/{endpointId}",
            $"/integrations/webhooks/{endpointId}/livraisons/{delivery.Id}/renvoyer", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        await Hooks.DrainAsync(factory);
        Assert.Equal(4, receiver.Calls.Count);
        Assert.Single(receiver.Calls.Select(c => c.EventId).Distinct());
        var copy = Hooks.Deliveries(factory, endpointId).Single(d => d.ResentFromId == delivery.Id);
        Assert.Equal(WebhookDeliveryStatus.Delivered, copy.Status);
        Assert.Equal(delivery.Payload, copy.Payload);
    }

    [Fact]
    public async Task A_delivery_held_by_an_ended_process_of_this_machine_is_sent_at_once_not_after_its_claim_deadline()
    {
        await Hooks.ResetAsync(factory, "Boulangerie Martin");
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var (endpointId, _) = await Hooks.RegisterAsync(admin, receiver.Url, "FocSet");
        var (id, _) = await Wizard.SubmittedAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });

        // Claimed for an hour by a process of this machine that exited (a portal killed before its restart).
        using var ended = Process.Start("true");
        await ended.WaitForExitAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.EndpointId == endpointId).ExecuteUpdateAsync(u => u
                .SetProperty(d => d.ClaimToken, Guid.NewGuid())
                .SetProperty(d => d.ClaimedBy, $"{Environment.MachineName}|{ended.Id}|{DateTime.UtcNow.Ticks}")
                .SetProperty(d => d.ClaimedUntilUtc, DateTime.UtcNow.AddHours(1)));
        }

        await Hooks.DrainAsync(factory);
        var delivery = Hooks.Deliveries(factory, endpointId).Single();
        Assert.Equal(WebhookDeliveryStatus.Delivered, delivery.Status);
        Assert.Null(delivery.ClaimedBy);
        Assert.Single(receiver.Calls);
        await Hooks.ResetAsync(factory, "Boulangerie Martin");
    }

    [Fact]
    public async Task A_receiver_that_hangs_does_not_hold_up_the_others()
    {
        await Hooks.ResetAsync(factory, "Boulangerie Martin");
        await using var hanging = await WebhookReceiver.StartAsync();
        await using var healthy = await WebhookReceiver.StartAsync();
        hanging.Answer = async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(2), ct);
            return 200;
        };
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var (hangingId, _) = await Hooks.RegisterAsync(admin, hanging.Url, "FocSet");
        var (healthyId, _) = await Hooks.RegisterAsync(admin, healthy.Url, "FocSet");
        var (id, _) = await Wizard.SubmittedAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });

        var processor = factory.Services.GetRequiredService<WebhookProcessor>();
        var batch = processor.DispatchDueAsync(CancellationToken.None);

        // The healthy endpoint's delivery is recorded while the other is still waiting for its answer.
        var watch = Stopwatch.StartNew();
        while (Hooks.Deliveries(factory, healthyId).Single().Status != WebhookDeliveryStatus.Delivered && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        Assert.Equal(WebhookDeliveryStatus.Delivered, Hooks.Deliveries(factory, healthyId).Single().Status);
        var inFlight = Hooks.Deliveries(factory, hangingId).Single();
        Assert.Equal(0, inFlight.Attempts);
        Assert.NotNull(inFlight.ClaimToken);

        // The hanging one is cut at the timeout, recorded as such, and left to retry.
        await batch;
        var timedOut = Hooks.Deliveries(factory, hangingId).Single();
        Assert.Equal(WebhookDeliveryStatus.Pending, timedOut.Status);
        Assert.Equal(1, timedOut.Attempts);
        Assert.Equal(WebhookFailure.Timeout, timedOut.LastError);
        Assert.Null(timedOut.LastStatusCode);
        Assert.Null(timedOut.ClaimToken);
        Assert.Single(healthy.Calls);
        await Hooks.ResetAsync(factory, "Boulangerie Martin");
    }

    [Fact]
    public async Task An_address_removed_while_its_delivery_is_under_way_ends_the_attempt_quietly()
    {
        await Hooks.ResetAsync(factory, "Boulangerie Martin");
        await using var hanging = await WebhookReceiver.StartAsync();
        hanging.Answer = async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromMinutes(2), ct);
            return 200;
        };
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var (endpointId, _) = await Hooks.RegisterAsync(admin, hanging.Url, "FocSet");
        var (id, _) = await Wizard.SubmittedAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });

        var errorsBefore = factory.Logs.Events.Count(e => e.Level >= Serilog.Events.LogEventLevel.Error);
        var batch = factory.Services.GetRequiredService<WebhookProcessor>().DispatchDueAsync(CancellationToken.None);
        var watch = Stopwatch.StartNew();
        while (hanging.Calls.IsEmpty && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        Assert.Single(hanging.Calls);
        var removed = await Hooks.PostAsync(admin, $"/integrations/webhooks/{endpointId}", $"/integrations/webhooks/{endpointId}/supprimer", []);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty(Hooks.Deliveries(factory, endpointId));

        // The attempt ends at its timeout with nothing to record: the batch finishes, nothing comes back, no error.
        await batch;
        Assert.Empty(Hooks.Deliveries(factory, endpointId));
        Assert.Equal(errorsBefore, factory.Logs.Events.Count(e => e.Level >= Serilog.Events.LogEventLevel.Error));
        Assert.Contains(factory.Logs.Lines(), l => l.Contains("removed with its endpoint", StringComparison.Ordinal));
        await Hooks.DrainAsync(factory, rounds: 2);
        Assert.Single(hanging.Calls);
    }

    [Fact]
    public async Task Later_events_of_a_request_wait_for_the_earlier_one_to_be_delivered()
    {
        await Hooks.ResetAsync(factory, "Cabinet Durand");
        await using var receiver = await WebhookReceiver.StartAsync();
        var failing = true;
        receiver.Answer = (_, _) => Task.FromResult(Volatile.Read(ref failing) ? 500 : 200);
        var admin = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var (endpointId, _) = await Hooks.RegisterAsync(admin, receiver.Url, "FocSet", "FocMoved", "Cancelled");
        var (id, _) = await Wizard.SubmittedAsync(factory, DemoData.DurandAdmin);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-16" });
        await support.DoAsync(id, "annuler", new() { ["Reason"] = "Demande du client." });

        // While the first is refused, the two after it are not sent at all.
        await Hooks.DrainAsync(factory, rounds: 5);
        Assert.All(receiver.Calls, c => Assert.Equal("port_request.foc_set", c.EventType));
        Assert.Equal(5, receiver.Calls.Count);

        Volatile.Write(ref failing, false);
        await Hooks.DrainAsync(factory);
        Assert.Equal(["port_request.foc_set", "port_request.foc_moved", "port_request.cancelled"],
            receiver.Calls.Skip(5).Select(c => c.EventType));
        Assert.All(Hooks.Deliveries(factory, endpointId), d => Assert.Equal(WebhookDeliveryStatus.Delivered, d.Status));
    }

    [Fact]
    public async Task A_test_event_reaches_the_receiver_and_the_log()
    {
        await Hooks.ResetAsync(factory, "Cabinet Durand");
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var (endpointId, secret) = await Hooks.RegisterAsync(admin, receiver.Url, "Completed");
        var sent = await PortalClient.PostFormAsync(admin, $"/integrations/webhooks/{endpointId}", $"/integrations/webhooks/{endpointId}/test",
            new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await Hooks.DrainAsync(factory);
        var ping = Assert.Single(receiver.Calls);
        Assert.Equal("ping", ping.EventType);
        Assert.True(ping.SignedWith(secret, portal.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ping.Json.GetProperty("data").GetProperty("portRequest").ValueKind);
        var page = await (await admin.GetAsync($"/integrations/webhooks/{endpointId}")).Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"Delivered\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
    }

    /// <summary>
    /// A delivery the endpoint took is recorded at once, without waiting for the page writers' turn (issue 37, point 5:
    /// it queued there behind them, and a kill meanwhile delivered it again at the next start).
    /// </summary>
    [Fact]
    public async Task A_delivery_the_endpoint_took_is_recorded_at_once_without_waiting_for_the_page_writers_turn()
    {
        await Hooks.ResetAsync(factory, "Cabinet Durand");
        await using var receiver = await WebhookReceiver.StartAsync();
        var admin = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var (endpointId, _) = await Hooks.RegisterAsync(admin, receiver.Url, "Completed");
        var sent = await PortalClient.PostFormAsync(admin, $"/integrations/webhooks/{endpointId}", $"/integrations/webhooks/{endpointId}/test",
            new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        using (await Web.Infrastructure.SqliteWriters.EnterAsync(Web.Infrastructure.SqliteWriters.KeyOf($"Data Source={factory.DatabasePath}"), CancellationToken.None))
        {
            await Hooks.DrainAsync(factory).WaitAsync(TimeSpan.FromSeconds(30));
            var delivery = Hooks.Deliveries(factory, endpointId).Single();
            Assert.Equal((WebhookDeliveryStatus.Delivered, 1, (string?)null, (Guid?)null), (delivery.Status, delivery.Attempts, delivery.ClaimedBy, delivery.ClaimToken));
            Assert.Equal(200, delivery.LastStatusCode);
            using var scope = factory.Services.CreateScope();
            var endpoint = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookEndpoints.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == endpointId);
            Assert.NotNull(endpoint.LastSuccessAtUtc);
        }

        Assert.Single(receiver.Calls);
        await Hooks.ResetAsync(factory, "Cabinet Durand");
    }
}
