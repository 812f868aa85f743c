using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Backup;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// The SQLite backup and restore of docs/operations.md, as an operator runs it: <c>backup --to</c> while admins keep
/// creating requests, then a portal started on the copy as its data folder.
/// </summary>
public class BackupRestoreTests
{
    [SqliteFact]
    public async Task An_online_backup_under_writes_restores_every_acknowledged_request_and_the_sessions()
    {
        var folder = TestFolders.New("backup-");
        HashSet<Guid> acknowledgedBefore;
        int acknowledgedAfterwards;
        string session;
        using (var live = new PortalFactory())
        {
            var wizard = await Wizard.StartAsync(live);
            session = PortalClient.Cookie(wizard.Client, "ooma.session");
            var acknowledged = new ConcurrentQueue<Guid>();
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    acknowledged.Enqueue(await wizard.NewDraftAsync());
                }
            })).ToArray();
            while (acknowledged.Count < 20)
            {
                await Task.Delay(10);
            }

            acknowledgedBefore = [.. acknowledged];
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await BackupCommand.RunAsync(live.Services, ["backup", "--to", folder], output, error);
            while (acknowledged.Count < acknowledgedBefore.Count + 20)
            {
                await Task.Delay(10); // the writers go on after the backup: it held nothing up
            }

            await stop.CancelAsync();
            await Task.WhenAll(writers); // no writer failed while the backup ran
            acknowledgedAfterwards = acknowledged.Count;

            Assert.True(code == BackupCommand.Done, error.ToString());
            Assert.Contains("integrity_check: ok", output.ToString(), StringComparison.Ordinal);
        }

        Assert.True(acknowledgedAfterwards >= acknowledgedBefore.Count + 20);
        var report = await BackupCommand.CheckAsync(Path.Combine(folder, BackupCommand.FileName));
        Assert.True(report.IsSound, report.Integrity);

        // Restore: a portal whose data folder is the backup.
        using var restored = new PortalFactory(dataFolder: folder);
        using var anonymous = restored.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        await using (var scope = restored.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var present = await db.PortRequests.IgnoreQueryFilters().Where(r => acknowledgedBefore.Contains(r.Id)).Select(r => r.Id).ToListAsync();
            Assert.Equal(acknowledgedBefore.Count, present.Count);

            // The seal key went with the database: the restored portal still vouches for every mandate sealed before.
            var keys = restored.Services.GetRequiredService<OomaPorting.Web.Infrastructure.Mandates.MandateSealKeys>();
            var mandates = await db.Mandates.IgnoreQueryFilters().ToListAsync();
            Assert.NotEmpty(mandates);
            Assert.All(mandates, m => Assert.Equal(Domain.Porting.MandateIntegrity.Intact, m.CheckWith(keys.All)));
            Assert.True(File.Exists(Path.Combine(folder, OomaPorting.Web.Infrastructure.Mandates.MandateSigningCertificate.FileName)));
        }

        // The data-protection keys live in the database: the admin's session cookie is still good on the restored portal.
        using var client = restored.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/portage/statut");
        request.Headers.Add("Cookie", session);
        var page = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [SqliteFact]
    public async Task A_backup_never_overwrites_a_database_and_says_how_to_call_it()
    {
        using var live = new PortalFactory();
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(BackupCommand.Usage, await BackupCommand.RunAsync(live.Services, ["backup"], output, error));
        Assert.Contains("backup --to <folder>", error.ToString(), StringComparison.Ordinal);

        Assert.Equal(BackupCommand.AlreadyThere, await BackupCommand.RunAsync(live.Services, ["backup", "--to", live.DataFolder], output, error));
        Assert.Contains("already exists", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// issue 37, point 8: a backup holds e-mails and a webhook call still to send, which the live portal then sends. A
    /// restore with <c>--hold-outbox</c> (the portal's own binary) sends none of them again until support sends them on
    /// from the "Envois retenus" page's own form; a second restore's are discarded by <c>release-outbox --discard</c>.
    /// </summary>
    [SqliteFact]
    public async Task A_restore_that_holds_the_outbox_sends_nothing_again_until_support_sends_it_on_or_discards_it()
    {
        await using var smtp = new TestSmtpServer();
        await using var receiver = await WebhookReceiver.StartAsync();
        var settings = new Dictionary<string, string?>(smtp.Settings()) { ["Webhooks:DispatcherEnabled"] = "false", ["Webhooks:AllowLocalTargets"] = "true" };
        var backup = TestFolders.New("held-backup-");
        int waitingAtBackup;
        using (var live = new PortalFactory(settings: settings))
        {
            var admin = await PortalClient.SignedInAsync(live, DemoData.BoulangerieAdmin);
            await Features.Webhooks.Hooks.RegisterAsync(admin, receiver.Url, "Submitted");
            await Wizard.SubmittedAsync(live);
            waitingAtBackup = await PendingEmailsAsync(live);
            Assert.True(waitingAtBackup > 0);
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.True(await BackupCommand.RunAsync(live.Services, ["backup", "--to", backup], output, error) == BackupCommand.Done, error.ToString());

            // The live portal sends them after the backup was taken.
            await DrainEmailsAsync(live);
            await Features.Webhooks.Hooks.DrainAsync(live);
            Assert.Equal(waitingAtBackup, smtp.Received.Count);
            Assert.Single(receiver.Calls);

            // Refusals change nothing: a data folder that holds a database, a folder that holds no backup.
            Assert.Equal(BackupCommand.AlreadyThere, await RestoreCommand.RunAsync(live.Services, ["restore", "--from", backup, "--hold-outbox"], output, error));
            Assert.Equal(BackupCommand.Usage, await RestoreCommand.RunAsync(live.Services, ["restore", "--from", TestFolders.New("no-backup-")], output, error));
            Assert.Equal(BackupCommand.Usage, await RestoreCommand.RunAsync(live.Services, ["restore", "--from", backup, "--hold"], output, error));
        }

        var restored = TestFolders.New("held-restored-");
        var (code, said) = await PortalCommand.RunAsync(restored, "restore", "--from", backup, "--hold-outbox");
        Assert.True(code == BackupCommand.Done, said);
        Assert.Contains($"Held {waitingAtBackup} e-mails and 1 webhook deliveries", said, StringComparison.Ordinal);

        using (var portal = new PortalFactory(restored, settings) { FromTemplate = false })
        {
            await DrainEmailsAsync(portal);
            await Features.Webhooks.Hooks.DrainAsync(portal);
            Assert.Equal(waitingAtBackup, smtp.Received.Count);
            Assert.Single(receiver.Calls);

            var support = await PortalClient.SignedInAsync(portal, DemoData.SupportAgent);
            var page = await (await support.GetAsync("/support/envois-retenus")).ReadHtmlAsync();
            Assert.Equal(waitingAtBackup, page.QuerySelectorAll("[data-held-email]").Length);
            Assert.Single(page.QuerySelectorAll("[data-held-webhook]"));
            var sent = await (await HtmlForm.OpenAsync(support, "/support/envois-retenus", "Envoyer ces messages")).SubmitAsync("Envoyer ces messages");
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            await DrainEmailsAsync(portal);
            await Features.Webhooks.Hooks.DrainAsync(portal);
            Assert.Equal(2 * waitingAtBackup, smtp.Received.Count);
            Assert.Equal(2, receiver.Calls.Count);
            Assert.Single(receiver.Calls.Select(c => c.EventId).Distinct()); // the same event: a receiver can tell it had it
            page = await (await support.GetAsync("/support/envois-retenus")).ReadHtmlAsync();
            Assert.NotNull(page.QuerySelector("[data-held=none]"));
            Assert.Contains("Envois repris", page.QuerySelector("[data-confirmation]")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        }

        var discarded = TestFolders.New("held-discarded-");
        Assert.Equal(BackupCommand.Done, (await PortalCommand.RunAsync(discarded, "restore", "--from", backup, "--hold-outbox")).Code);
        using (var portal = new PortalFactory(discarded, settings) { FromTemplate = false })
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.True(await Web.Features.HeldMessages.ReleaseOutboxCommand.RunAsync(portal.Services, ["release-outbox", "--discard"], output, error) == BackupCommand.Done, error.ToString());
            Assert.Equal(Web.Features.HeldMessages.ReleaseOutboxCommand.NothingHeld, await Web.Features.HeldMessages.ReleaseOutboxCommand.RunAsync(portal.Services, ["release-outbox"], output, error));
            await DrainEmailsAsync(portal);
            await Features.Webhooks.Hooks.DrainAsync(portal);
            Assert.Equal(2 * waitingAtBackup, smtp.Received.Count);
            Assert.Equal(2, receiver.Calls.Count);
            using var scope = portal.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(waitingAtBackup, await db.OutboxMessages.CountAsync(m => m.LastError == Web.Features.HeldMessages.HeldMessages.DiscardedError));
            Assert.Equal(1, await db.WebhookDeliveries.IgnoreQueryFilters().CountAsync(d => d.LastError == Web.Infrastructure.Webhooks.WebhookFailure.Discarded));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.HeldMessagesReleased));
        }
    }

    private static async Task<int> PendingEmailsAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.CountAsync(m => m.Status == Web.Infrastructure.Email.OutboxStatus.Pending);
    }

    private static async Task DrainEmailsAsync(PortalFactory factory)
    {
        var processor = factory.Services.GetRequiredService<Web.Infrastructure.Email.OutboxProcessor>();
        while (await processor.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }
    }
}
