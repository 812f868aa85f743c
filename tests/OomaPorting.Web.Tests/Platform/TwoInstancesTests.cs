using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// docs/operations.md's promise that several instances can share one database, kept by two real portal processes on
/// two loopback ports over one data folder (one SQLite file): sessions and forms cross from one to the other, the two
/// dispatchers together send each e-mail once, a scheduled reminder is written once, and an instance killed mid-batch
/// loses nothing (the next instance started on its machine takes its claims at once).
/// </summary>
public class TwoInstancesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    internal static Dictionary<string, string?> Settings(TestSmtpServer smtp) => new(smtp.Settings())
    {
        ["Email:DispatcherEnabled"] = "true",
        ["Email:PollSeconds"] = "1",
        ["Email:BatchSize"] = "20",
        ["Email:ClaimTimeoutSeconds"] = "10",
    };

    /// <summary>A context of the test's own on the instances' database file (as a third process would see it).</summary>
    internal static SqliteAppDbContext Database(string folder) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "portal.db")};Default Timeout=30").Options);

    private static string NewFolder() => TestFolders.New("two-");

    internal static async Task WaitUntilAsync(Func<Task<bool>> done, string what, params PortalProcess[] portals)
    {
        var watch = Stopwatch.StartNew();
        while (!await done())
        {
            if (watch.Elapsed > Patience)
            {
                Assert.Fail($"{what}: not after {Patience.TotalSeconds} s.\n" + string.Join('\n', portals.SelectMany(p => p.Output.TakeLast(20))));
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Messages queued the way the portal queues them (one row each), in one save of a third writer.</summary>
    internal static async Task<List<string>> QueueAsync(string folder, string label, int count)
    {
        await using var db = Database(folder);
        var now = DateTime.UtcNow;
        var subjects = Enumerable.Range(1, count).Select(i => $"{label} {i:D3}").ToList();
        db.OutboxMessages.AddRange(subjects.Select(subject => new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            CreatedAtUtc = now,
            Kind = "Test",
            Recipient = "admin@boulangerie-martin.test",
            Subject = subject,
            TextBody = subject,
            HtmlBody = $"<p>{subject}</p>",
            Status = OutboxStatus.Pending,
            NextAttemptAtUtc = now,
        }));
        await db.SaveChangesAsync();
        return subjects;
    }

    [SqliteFact]
    public async Task A_session_and_a_form_from_one_instance_are_good_on_the_other_and_signing_out_ends_both()
    {
        var folder = NewFolder();
        await using var smtp = new TestSmtpServer();
        using var first = new PortalProcess(folder, Settings(smtp));
        await first.StartAsync();
        using var second = new PortalProcess(folder, Settings(smtp));
        await second.StartAsync();

        // One browser: one cookie jar, whichever instance the proxy picks (no sticky sessions).
        var cookies = new CookieContainer();
        using var onFirst = first.Client(cookies);
        using var onSecond = second.Client(cookies);
        await PortalProcess.SignInAsync(onFirst, DemoData.BoulangerieAdmin);
        var postes = await onSecond.GetAsync("/postes");
        Assert.Equal(HttpStatusCode.OK, postes.StatusCode);
        Assert.Contains("Boulangerie Martin", await postes.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form rendered by the first (its antiforgery token) is accepted by the second: the keys are shared.
        var token = await PortalProcess.TokenAsync(onFirst, "/postes");
        var started = await PortalProcess.PostAsync(onSecond, "/portage", token, []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var draft = started.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync(draft)).StatusCode);

        // A token forged on neither is refused by both (the control: the second does check it).
        Assert.Equal(HttpStatusCode.BadRequest, (await PortalProcess.PostAsync(onSecond, "/portage", "forged", [])).StatusCode);

        // Signed out on the second: the session is over on the first too, even for a copy of the cookie kept from before.
        var session = cookies.GetCookies(first.BaseAddress)["ooma.session"];
        Assert.NotNull(session);
        var signOutToken = await PortalProcess.TokenAsync(onSecond, "/postes");
        Assert.Equal(HttpStatusCode.Redirect, (await PortalProcess.PostAsync(onSecond, "/compte/deconnexion", signOutToken, [])).StatusCode);
        using var oldCookie = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = first.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/postes");
        request.Headers.Add("Cookie", $"ooma.session={session!.Value}");
        var afterSignOut = await oldCookie.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        Assert.StartsWith("/compte/connexion", afterSignOut.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [SqliteFact]
    public async Task Two_dispatchers_send_each_of_200_emails_once_and_a_foc_reminder_is_written_once()
    {
        var folder = NewFolder();
        await using var smtp = new TestSmtpServer { Delay = TimeSpan.FromMilliseconds(20) };
        using var first = new PortalProcess(folder, Settings(smtp));
        await first.StartAsync();
        using var second = new PortalProcess(folder, Settings(smtp));
        await second.StartAsync();

        // A request confirmed for the next working day: due for its reminder on both instances' next tick.
        Guid due;
        await using (var db = Database(folder))
        {
            var tomorrow = BusinessCalendar.France.AddWorkingDays(BusinessCalendar.DateInFrance(DateTime.UtcNow), 1);
            due = await db.PortRequests.IgnoreQueryFilters().Where(r => r.Status == PortRequestStatus.FocConfirmed).Select(r => r.Id).FirstAsync();
            await db.PortRequests.IgnoreQueryFilters().Where(r => r.Id == due).ExecuteUpdateAsync(u => u.SetProperty(r => r.FocDate, tomorrow));
        }

        // 200 e-mails queued in four waves while both dispatchers run.
        var subjects = new List<string>();
        for (var wave = 0; wave < 4; wave++)
        {
            subjects.AddRange(await QueueAsync(folder, $"Deux instances vague {wave}", 50));
            await Task.Delay(300);
        }

        await WaitUntilAsync(async () =>
        {
            await using var db = Database(folder);
            return !await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending)
                && await db.OutboxMessages.AnyAsync(m => m.Kind == "FocReminder" && m.PortRequestId == due);
        }, "every message sent", first, second);

        var received = smtp.Received.Select(m => m.Subject).ToList();
        foreach (var subject in subjects)
        {
            Assert.Equal(1, received.Count(s => s == subject));
        }

        // Both did their share (not one instance doing all the work while the other idled).
        Assert.Contains(first.Output, l => l.Contains("Sent Test message", StringComparison.Ordinal));
        Assert.Contains(second.Output, l => l.Contains("Sent Test message", StringComparison.Ordinal));

        // The reminder: one row and one e-mail per admin of the account, though both instances found it due.
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more ticks of both
        await using (var db = Database(folder))
        {
            var reminders = await db.OutboxMessages.Where(m => m.Kind == "FocReminder" && m.PortRequestId == due).ToListAsync();
            Assert.NotEmpty(reminders);
            Assert.Equal(reminders.Count, reminders.Select(m => m.Recipient).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(reminders, m => Assert.Equal(OutboxStatus.Sent, m.Status));
            var reminderSubject = reminders[0].Subject;
            Assert.Equal(reminders.Count, smtp.Received.Count(m => m.Subject == reminderSubject));
        }

        Assert.DoesNotContain(first.Output.Concat(second.Output), l => l.Contains(" ERR] ", StringComparison.Ordinal) || l.Contains(" FTL] ", StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task An_instance_killed_mid_batch_loses_no_email_and_the_next_one_takes_its_claims_at_once()
    {
        var folder = NewFolder();
        await using var smtp = new TestSmtpServer { Delay = TimeSpan.FromMilliseconds(150) };

        // A claim deadline of an hour: the held messages can only go out within the test's patience if the next
        // process on this machine sees that their holder has ended (it waited out the deadline, 121 s, before).
        var settings = new Dictionary<string, string?>(Settings(smtp)) { ["Email:ClaimTimeoutSeconds"] = "3600" };
        using var doomed = new PortalProcess(folder, settings);
        await doomed.StartAsync();
        var subjects = await QueueAsync(folder, "Avant l'arrêt brutal", 60);

        // The first instance alone has claimed a batch and is sending it slowly when it is killed.
        await WaitUntilAsync(() => Task.FromResult(smtp.Received.Count >= 5), "the first messages sent", doomed);
        doomed.Kill();
        List<Guid> heldAtKill;
        await using (var db = Database(folder))
        {
            heldAtKill = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending && m.ClaimToken != null).Select(m => m.Id).ToListAsync();
        }

        Assert.NotEmpty(heldAtKill); // killed mid-batch: its claims are still in the table

        smtp.Delay = TimeSpan.Zero;
        using var survivor = new PortalProcess(folder, settings);
        await survivor.StartAsync();
        await WaitUntilAsync(async () =>
        {
            await using var db = Database(folder);
            return !await db.OutboxMessages.AnyAsync(m => m.Status == OutboxStatus.Pending);
        }, "every message sent after the kill", survivor);

        // Nothing lost; a message is sent twice only if the kill fell between its send and its mark (one at most).
        var received = smtp.Received.Select(m => m.Subject).ToList();
        Assert.All(subjects, s => Assert.Contains(s, received));
        Assert.InRange(received.Count - subjects.Count, 0, 1);
        await using (var db = Database(folder))
        {
            var retaken = await db.OutboxMessages.Where(m => heldAtKill.Contains(m.Id)).ToListAsync();
            Assert.All(retaken, m =>
            {
                Assert.Equal(OutboxStatus.Sent, m.Status);
                Assert.Null(m.ClaimToken);
                Assert.Null(m.ClaimedBy);
            });
        }
    }
}
