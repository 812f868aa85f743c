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
}
