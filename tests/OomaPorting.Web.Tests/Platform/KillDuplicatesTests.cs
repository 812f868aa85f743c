using System.Net;
using Microsoft.EntityFrameworkCore;
using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Webhooks;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Webhooks;
using OomaPorting.Web.Tests.Features.Webhooks;
using OomaPorting.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// E-mails and webhooks through repeated kills under page writes (issue 37, point 5): the portal is killed while it
/// sends, restarted, killed again, then left to finish. Nothing is lost, and a message sent twice (a kill between the
/// relay or endpoint taking it and its record) keeps its <c>Message-ID</c> or event id, so clients fold it. The suite
/// runs 1 kill; <c>KILLS=20</c> in the environment runs the measurement reported in docs/operations.md, whose
/// duplicates per 1,000 messages this test writes to its output.
/// </summary>
public class KillDuplicatesTests(ITestOutputHelper output)
{
    private const string FollowLabel = "Recevoir par e-mail chaque étape des portages de ce compte";

    [SqliteFact]
    public async Task Messages_sent_through_repeated_kills_under_page_writes_all_arrive_and_any_duplicate_keeps_its_id()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("KILLS"), out var k) && k > 0 ? k : 1;
        var folder = TestFolders.New("kills-");
        await using var smtp = new TestSmtpServer { Delay = TimeSpan.FromMilliseconds(15) };
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = async (_, ct) =>
        {
            await Task.Delay(15, ct); // an endpoint on the Internet takes some time to answer
            return 200;
        };
        var settings = new Dictionary<string, string?>(TwoInstancesTests.Settings(smtp))
        {
            ["Webhooks:AllowLocalTargets"] = "true",
            ["Webhooks:PollSeconds"] = "1",
            ["Webhooks:BatchSize"] = "20",
        };
        var subjects = new List<string>();
        var events = new List<Guid>();
        var endpointId = Guid.Empty;
        var random = new Random(37);
        for (var kill = 0; kill <= kills; kill++)
        {
            using var portal = new PortalProcess(folder, settings);
            await portal.StartAsync();
            var user = portal.Client(new CookieContainer());
            await PortalProcess.SignInAsync(user, DemoData.BoulangerieUser);
            if (kill == 0)
            {
                var admin = portal.Client(new CookieContainer());
                await PortalProcess.SignInAsync(admin, DemoData.BoulangerieAdmin);
                endpointId = (await Hooks.RegisterAsync(admin, receiver.Url, "Completed")).Id;
            }

            if (kill == kills)
            {
                // The last instance is left to finish what the killed ones left.
                await TwoInstancesTests.WaitUntilAsync(async () =>
                {
                    await using var db = TwoInstancesTests.Database(folder);
                    return !await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending)
                        && !await db.WebhookDeliveries.IgnoreQueryFilters().AnyAsync(d => d.Status == WebhookDeliveryStatus.Pending);
                }, "every message sent after the last kill", portal);
                break;
            }

            subjects.AddRange(await TwoInstancesTests.QueueAsync(folder, $"Arrêt {kill:D2}", 60));
            events.AddRange(await QueueWebhooksAsync(folder, endpointId, 60));

            // Page writes meanwhile, as a desk and customers make them, until the kill.
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        await (await HtmlForm.OpenAsync(user, "/portage/statut", "Suivi par e-mail")).Check(FollowLabel, (i + w) % 2 == 0).SubmitAsync("Enregistrer mon choix");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToList();

            var sentBefore = smtp.Received.Count + receiver.Calls.Count;
            await TwoInstancesTests.WaitUntilAsync(() => Task.FromResult(smtp.Received.Count + receiver.Calls.Count >= sentBefore + 10), "sending under way", portal);
            await Task.Delay(random.Next(0, 400));
            portal.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        var mails = smtp.Received.ToList();
        var calls = receiver.Calls.ToList();
        var received = mails.Select(m => m.Subject).ToHashSet();
        Assert.All(subjects, s => Assert.Contains(s, received));
        var arrived = calls.Select(c => Guid.Parse(c.EventId!)).ToHashSet();
        Assert.All(events, e => Assert.Contains(e, arrived));

        // A duplicate is harmless: the same message again under its own Message-ID, the same event under its own id.
        Assert.Equal(subjects.Count, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.All(mails.GroupBy(m => m.Subject), g => Assert.Single(g.Select(m => m.MessageId).Distinct()));
        var mailDuplicates = mails.Count - subjects.Count;
        var webhookDuplicates = calls.Count - events.Count;
        output.WriteLine($"{kills} kills under page writes: {subjects.Count} e-mails, {mailDuplicates} sent twice; {events.Count} webhooks, {webhookDuplicates} delivered twice; "
            + $"{1000.0 * (mailDuplicates + webhookDuplicates) / (subjects.Count + events.Count):0.0} duplicates per 1,000 messages");
    }

    /// <summary>Ping events for the endpoint, queued as the portal queues them (one row each), by a third writer.</summary>
    private static async Task<List<Guid>> QueueWebhooksAsync(string folder, Guid endpointId, int count)
    {
        await using var db = TwoInstancesTests.Database(folder);
        var endpoint = await db.WebhookEndpoints.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == endpointId);
        var now = DateTime.UtcNow;
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var eventId = Guid.CreateVersion7(now);
            var payload = new WebhookPayload(eventId, WebhookEventTypes.Ping, now, 0, new WebhookPayload.Content(null, null, null, $"Mesure {i}")).ToJson();
            db.WebhookDeliveries.Add(WebhookNotifications.New(endpoint, eventId, null, 0, WebhookEventTypes.Ping, payload, now));
            ids.Add(eventId);
        }

        await db.SaveChangesAsync();
        return ids;
    }
}
