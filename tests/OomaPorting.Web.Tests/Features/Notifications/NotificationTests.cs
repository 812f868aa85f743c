using System.Net;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Moq;
using OomaPorting.Domain.Numbers;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Notifications;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Notifications;

/// <summary>E-mails produced with each change and delivered through a real SMTP server, exactly once.</summary>
public class NotificationTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static async Task<int> DrainAsync(PortalFactory factory)
    {
        // As the dispatcher's pass does it: take back an ended process's claims once, then send batch after batch.
        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        await processor.TakeBackFromEndedAsync(CancellationToken.None);
        var total = 0;
        int sent;
        while ((sent = await processor.DispatchDueAsync(CancellationToken.None)) > 0)
        {
            total += sent;
        }

        return total;
    }

    private static List<MimeMessage> To(TestSmtpServer smtp, string address) =>
        [.. smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address == address) && m.Subject != SignatureCodeSubject)];

    /// <summary>The signature code e-mail, which every signature now sends first: checked on its own, left out of the request's messages.</summary>
    private const string SignatureCodeSubject = "Votre code de confirmation de signature";

    [Fact]
    public async Task Each_step_of_a_requests_life_sends_its_message_with_the_right_recipients_and_attachments()
    {
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = clock };
        var wizard = await Wizard.StartAsync(factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main);
        await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164));
        var reference = wizard.Load(id)!.Reference!;
        await DrainAsync(factory);

        // The code reached the signer's mailbox through SMTP, before the submission's own message.
        var code = Assert.Single(smtp.Received, m => m.Subject == SignatureCodeSubject);
        Assert.Equal(DemoData.BoulangerieAdmin, code.To.Mailboxes.Single().Address);
        Assert.Contains("Votre code : ", code.TextBody ?? string.Empty, StringComparison.Ordinal);
        var submitted = Assert.Single(To(smtp, DemoData.BoulangerieAdmin));
        Assert.Equal($"Demande de portage {reference} envoyée", submitted.Subject);
        Assert.Contains(FrenchNumber.Parse(main).Display, submitted.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", submitted.HtmlBody ?? string.Empty, StringComparison.Ordinal);
        var pdf = Assert.Single(submitted.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", pdf.ContentType.MimeType);
        using (var content = new MemoryStream())
        {
            await pdf.Content!.DecodeToAsync(content);
            Assert.Equal("%PDF-"u8.ToArray(), content.ToArray()[..5]);
        }

        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        await DrainAsync(factory);
        var foc = To(smtp, DemoData.BoulangerieAdmin).Last();
        Assert.Equal($"{reference} : date de portage confirmée le 15 décembre 2026", foc.Subject);
        var invite = Assert.Single(foc.Attachments.OfType<MimePart>());
        Assert.Equal("text/calendar", invite.ContentType.MimeType);
        using (var ics = new MemoryStream())
        {
            await invite.Content!.DecodeToAsync(ics);
            var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(ics.ToArray()));
            var e = Assert.Single(calendar!.Events);
            Assert.Equal(new DateOnly(2026, 12, 15), DateOnly.FromDateTime(e.DtStart!.Value));
            Assert.Contains(reference, e.Summary, StringComparison.Ordinal);
        }

        await support.CheckDocumentsIfWaitingAsync(id);

        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-16" });
        await PortalClient.PostFormAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "Orange confirme la date." });
        await PortalClient.PostFormAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "note interne", ["Internal"] = "true" });
        await PortalClient.PostFormAsync(wizard.Client, $"/portage/{id}", $"/portage/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "Merci, la ligne reste active." });
        await DrainAsync(factory);
        Assert.Contains(To(smtp, DemoData.BoulangerieAdmin), m => m.Subject == $"{reference} : date de portage déplacée au 16 décembre 2026");
        Assert.Contains(To(smtp, DemoData.BoulangerieAdmin), m => (m.Subject ?? string.Empty).StartsWith("Nouveau message du support", StringComparison.Ordinal)
            && (m.TextBody ?? string.Empty).Contains("Orange confirme la date.", StringComparison.Ordinal));
        Assert.DoesNotContain(smtp.Received, m => (m.TextBody ?? string.Empty).Contains("note interne", StringComparison.Ordinal));
        Assert.Contains(To(smtp, "support-portage@ooma-office.test"), m => (m.TextBody ?? string.Empty).Contains("la ligne reste active", StringComparison.Ordinal));

        // The working day before the FOC date, a reminder, once.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 7, 0, 0, TimeSpan.Zero));
        var reminders = factory.Services.GetRequiredService<FocReminders>();
        Assert.Equal(1, await reminders.EnqueueDueAsync(CancellationToken.None));
        Assert.Equal(0, await reminders.EnqueueDueAsync(CancellationToken.None));
        // Another instance (or this one after a restart) knows nothing in memory: the outbox still keeps it single.
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<FocReminders>(factory.Services).EnqueueDueAsync(CancellationToken.None));
        await DrainAsync(factory);
        var reminder = Assert.Single(To(smtp, DemoData.BoulangerieAdmin), m => (m.Subject ?? string.Empty).StartsWith("Rappel", StringComparison.Ordinal));
        Assert.Equal($"Rappel {reference} : vos numéros sont portés mercredi 16 décembre", reminder.Subject);
        Assert.DoesNotContain("demain", reminder.TextBody, StringComparison.OrdinalIgnoreCase);

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(factory);
        await support.DoAsync(id, "appel-test", []);
        await support.DoAsync(id, "resultat-appel", new() { ["Outcome"] = "passed" });
        await DrainAsync(factory);
        var completed = To(smtp, DemoData.BoulangerieAdmin).Last();
        Assert.Equal($"Portage {reference} terminé : vos numéros sont actifs", completed.Subject);
        Assert.Contains(FrenchNumber.Parse(main).Display, completed.TextBody ?? string.Empty, StringComparison.Ordinal);

        // Boulangerie Martin's temporary number went with its first port, five weeks ago: not a word about it now.
        Assert.DoesNotContain("temporaire", completed.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Le numéro principal de votre compte est désormais le {FrenchNumber.Parse(main).Display}.", completed.TextBody, StringComparison.Ordinal);

        // Support sees what was sent to whom.
        var page = await (await support.Client.GetAsync($"/support/portages/{id}/courriels")).ReadHtmlAsync();
        Assert.Contains(DemoData.BoulangerieAdmin, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("envoyé", page.Body.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_required_and_cancellation_reach_the_admin_in_english_when_english_was_chosen()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = new FakeTimeProvider(Start) };
        var wizard = await Wizard.StartAsync(factory);
        await PortalClient.PostFormAsync(wizard.Client, "/portage", "/langue", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" });
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main);
        await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164));
        var support = await SupportDesk.SignInAsync(factory);
        await support.ActWithReasonsAsync(id, "renvoyer", new() { ["Message"] = "The holder is SARL Martin." }, "HolderMismatch", "AddressMismatch");
        await support.DoAsync(id, "annuler", new() { ["Reason"] = "Customer asked by phone" });
        await DrainAsync(factory);

        var mails = To(smtp, DemoData.BoulangerieAdmin);
        var reference = wizard.Load(id)!.Reference!;
        Assert.Contains(mails, m => m.Subject == $"Porting request {reference} sent");
        var action = Assert.Single(mails, m => m.Subject == $"Porting request {reference}: a fix is needed");
        Assert.Contains("The holder's name does not match", action.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("The service address does not match", action.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("The holder is SARL Martin.", action.TextBody ?? string.Empty, StringComparison.Ordinal);

        // The reasons follow the sentence that announces them; support's message comes after the list.
        var text = action.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("What to fix:\n\n  - ", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("The holder is SARL Martin.", StringComparison.Ordinal) > text.IndexOf("  - ", StringComparison.Ordinal));
        var cancelled = Assert.Single(mails, m => m.Subject == $"Porting request {reference} cancelled");
        Assert.Contains("Our team cancelled this request. Reason: Customer asked by phone", cancelled.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", action.HtmlBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains(mails, m => m.Subject == $"Porting request {reference} cancelled");
    }

    private static async Task<List<Guid>> QueueAsync(PortalFactory factory, int count)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            ids.Add(id);
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = id,
                CreatedAtUtc = DateTime.UtcNow,
                Kind = "Test",
                Recipient = $"client{i}@example.test",
                Subject = $"Message {i}",
                TextBody = "Bonjour",
                HtmlBody = "<p>Bonjour</p>",
                NextAttemptAtUtc = DateTime.UtcNow.AddSeconds(-1),
            });
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private static async Task<OutboxMessage> LoadAsync(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    [Fact]
    public async Task A_server_that_refuses_twice_then_accepts_gets_the_message_once()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings());
        var id = Assert.Single(await QueueAsync(factory, 1));
        smtp.RefuseNext(2);

        await DrainAsync(factory);
        await DrainAsync(factory);
        await DrainAsync(factory);
        await DrainAsync(factory);

        Assert.Equal(2, smtp.Refused);
        Assert.Single(smtp.Received);
        var row = await LoadAsync(factory, id);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Null(row.ClaimToken);
    }

    [Fact]
    public async Task A_dispatcher_stopped_mid_queue_and_restarted_loses_nothing_and_sends_nothing_twice()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings());
        var ids = await QueueAsync(factory, 12);
        var inner = factory.Services.GetRequiredService<IEmailTransport>();
        using var stop = new CancellationTokenSource();
        var sends = 0;
        var stopping = new Mock<IEmailTransport>();
        stopping.Setup(t => t.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>()))
            .Returns(async (MimeMessage m, CancellationToken ct) =>
            {
                await inner.SendAsync(m, ct);
                if (Interlocked.Increment(ref sends) == 4)
                {
                    await stop.CancelAsync();
                }
            });
        var processor = new OutboxProcessor(factory.Services.GetRequiredService<IServiceScopeFactory>(), stopping.Object,
            factory.Services.GetRequiredService<IOptions<EmailOptions>>(), TimeProvider.System, NullLogger<OutboxProcessor>.Instance);

        await processor.DispatchDueAsync(stop.Token);
        Assert.Equal(4, smtp.Received.Count);

        await DrainAsync(factory);
        Assert.Equal(12, smtp.Received.Count);
        Assert.Equal(12, smtp.Received.Select(m => m.MessageId).Distinct().Count());
        foreach (var id in ids)
        {
            Assert.Equal(OutboxStatus.Sent, (await LoadAsync(factory, id)).Status);
        }
    }

    /// <summary>A signature code is never delayed behind other mail (issue 37, point 6): it leaves in the first batch however many wait before it.</summary>
    [Fact]
    public async Task A_signature_code_leaves_before_a_backlog_that_fell_due_earlier()
    {
        await using var smtp = new TestSmtpServer();
        var settings = smtp.Settings();
        settings["Email:BatchSize"] = "5";
        settings["Email:DispatcherEnabled"] = "false";
        using var factory = new PortalFactory(settings: settings);
        await QueueAsync(factory, 12);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(), CreatedAtUtc = DateTime.UtcNow, Kind = Web.Features.PortingWizard.SignatureCodes.EmailKind,
                Recipient = DemoData.BoulangerieAdmin, Subject = "Votre code de signature", TextBody = "123456", HtmlBody = "<p>123456</p>",
                NextAttemptAtUtc = DateTime.UtcNow.AddMilliseconds(-10),
            });
            await db.SaveChangesAsync();
        }

        var processor = new OutboxProcessor(factory.Services.GetRequiredService<IServiceScopeFactory>(), factory.Services.GetRequiredService<IEmailTransport>(),
            factory.Services.GetRequiredService<IOptions<EmailOptions>>(), TimeProvider.System, NullLogger<OutboxProcessor>.Instance);
        Assert.Equal(5, await processor.DispatchDueAsync(CancellationToken.None));
        Assert.Contains(smtp.Received, m => m.Subject == "Votre code de signature");
    }

    [Fact]
    public async Task A_claim_left_by_a_crashed_dispatcher_is_taken_again_after_its_timeout()
    {
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = clock };
        var id = Assert.Single(await QueueAsync(factory, 1));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.ClaimToken, Guid.NewGuid())
                .SetProperty(m => m.ClaimedUntilUtc, clock.GetUtcNow().UtcDateTime.AddSeconds(120)));
        }

        Assert.Equal(0, await DrainAsync(factory));
        Assert.Empty(smtp.Received);
        clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(1, await DrainAsync(factory));
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task A_claim_of_an_ended_process_of_this_machine_is_taken_back_at_once_and_a_living_one_s_is_kept()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings());
        var ids = await QueueAsync(factory, 4);
        using var living = System.Diagnostics.Process.Start("sleep", "60");
        using var ended = System.Diagnostics.Process.Start("true");
        await ended.WaitForExitAsync();
        var me = System.Diagnostics.Process.GetCurrentProcess();
        string Holder(System.Diagnostics.Process p, DateTime started) => $"{Environment.MachineName}|{p.Id}|{started.ToUniversalTime().Ticks}";
        var holders = new[]
        {
            Holder(ended, DateTime.UtcNow.AddSeconds(-1)),               // its process has exited
            Holder(me, me.StartTime.AddMinutes(-5)),                      // its process id now belongs to a later process
            Holder(living, living.StartTime),                             // a sibling instance still at work
            $"another-host|{Environment.ProcessId}|0",                   // another machine's: its deadline decides
        };
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < ids.Count; i++)
            {
                var holder = holders[i];
                await db.OutboxMessages.Where(m => m.Id == ids[i]).ExecuteUpdateAsync(u => u
                    .SetProperty(m => m.ClaimToken, Guid.NewGuid())
                    .SetProperty(m => m.ClaimedBy, holder)
                    .SetProperty(m => m.ClaimedUntilUtc, DateTime.UtcNow.AddHours(1)));
            }
        }

        Assert.Equal(2, await DrainAsync(factory));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
            Assert.Equal(OutboxStatus.Sent, rows[ids[0]].Status);
            Assert.Equal(OutboxStatus.Sent, rows[ids[1]].Status);
            Assert.Equal((OutboxStatus.Pending, holders[2]), (rows[ids[2]].Status, rows[ids[2]].ClaimedBy));
            Assert.Equal((OutboxStatus.Pending, holders[3]), (rows[ids[3]].Status, rows[ids[3]].ClaimedBy));
        }

        living.Kill();
    }

    [Fact]
    public async Task A_sent_message_is_recorded_at_once_without_waiting_for_the_page_writers_turn()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings());
        var ids = await QueueAsync(factory, 2);

        // A page's write holds the portal's turn (more would queue behind it): the record of a send does not wait for
        // it (before, it queued there, and a kill meanwhile sent the message again at the next start).
        using (await Web.Infrastructure.SqliteWriters.EnterAsync(Web.Infrastructure.SqliteWriters.KeyOf($"Data Source={factory.DatabasePath}"), CancellationToken.None))
        {
            Assert.Equal(2, await DrainAsync(factory));
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync();
            Assert.All(rows, m => Assert.Equal((OutboxStatus.Sent, (Guid?)null, (string?)null), (m.Status, m.ClaimToken, m.ClaimedBy)));
        }

        Assert.Equal(2, smtp.Received.Count);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_send_each_message_once()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings());
        await QueueAsync(factory, 40);
        var transport = factory.Services.GetRequiredService<IEmailTransport>();
        OutboxProcessor NewInstance() => new(factory.Services.GetRequiredService<IServiceScopeFactory>(), transport,
            Options.Create(new EmailOptions { BatchSize = 5, RetryBaseSeconds = 0 }), TimeProvider.System, NullLogger<OutboxProcessor>.Instance);
        var a = NewInstance();
        var b = NewInstance();

        async Task Run(OutboxProcessor p)
        {
            for (var i = 0; i < 20; i++)
            {
                await p.DispatchDueAsync(CancellationToken.None);
            }
        }

        await Task.WhenAll(Run(a), Run(b));
        Assert.Equal(40, smtp.Received.Count);
        Assert.Equal(40, smtp.Received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_transport_that_always_fails_leaves_a_visible_failure_after_the_last_attempt()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Email:DispatcherEnabled"] = "false" });
        var id = Assert.Single(await QueueAsync(factory, 1));
        var failing = new Mock<IEmailTransport>();
        failing.Setup(t => t.SendAsync(It.IsAny<MimeMessage>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("connection reset by peer"));
        var processor = new OutboxProcessor(factory.Services.GetRequiredService<IServiceScopeFactory>(), failing.Object,
            Options.Create(new EmailOptions { MaxAttempts = 3, RetryBaseSeconds = 0 }), TimeProvider.System, NullLogger<OutboxProcessor>.Instance);

        for (var i = 0; i < 5; i++)
        {
            await processor.DispatchDueAsync(CancellationToken.None);
        }

        failing.Verify(t => t.SendAsync(It.Is<MimeMessage>(m => m.To.Mailboxes.Single().Address == "client0@example.test"), It.IsAny<CancellationToken>()),
            Times.Exactly(3));
        var row = await LoadAsync(factory, id);
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(3, row.Attempts);
        Assert.Contains("connection reset by peer", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_transport_writes_eml_files_a_mail_client_can_open()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Email:DispatcherEnabled"] = "false" });
        await QueueAsync(factory, 2);
        Assert.Equal(2, await DrainAsync(factory));
        var files = Directory.GetFiles(Path.Combine(factory.DataFolder, "mail"), "*.eml");
        Assert.Equal(2, files.Length);
        var message = await MimeMessage.LoadAsync(files[0]);
        Assert.StartsWith("Message ", message.Subject, StringComparison.Ordinal);
        Assert.Equal("portage@ooma-office.test", message.From.Mailboxes.Single().Address);
        Assert.Equal(HttpStatusCode.NotFound, (await (await PortalClient.SignedInAsync(factory, DemoData.SupportAgent)).GetAsync("/dev/courriels")).StatusCode);
    }
}
