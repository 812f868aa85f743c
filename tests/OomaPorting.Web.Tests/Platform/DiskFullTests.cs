using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// A disk filled for real (issue 37, point 1): the portal's data folder on a size-limited file system, filled to the
/// last byte while the portal runs. A write must be answered "nothing was saved, try again later" (once read as "modified
/// meanwhile by someone else", 409), the log must name the cause, readiness must say so, and writes must work again,
/// without a restart, once there is room.
/// </summary>
public class DiskFullTests
{
    private const string FollowLabel = "Recevoir par e-mail chaque étape des portages de ce compte";

    [RootFact]
    public async Task A_full_disk_says_nothing_was_saved_readiness_says_why_and_writes_resume_once_there_is_room()
    {
        var folder = TestFolders.New("disk-full-");
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", folder);
        try
        {
            var clock = new FakeTimeProvider(ClockedPortal.Start);
            using var factory = new PortalFactory(folder, new Dictionary<string, string?> { ["Health:MinFreeDiskMegabytes"] = "8" }) { Clock = clock };
            var user = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieUser);
            var probe = factory.CreateClient();
            var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, "Boulangerie Martin"));
            api.DefaultRequestHeaders.Add("Idempotency-Key", "disk-full-1");
            Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/ready")).StatusCode);

            // The user opens the follow form; meanwhile the disk fills up (the write-ahead log emptied first, so the
            // next write needs new room).
            var form = (await HtmlForm.OpenAsync(user, "/portage/statut", "Suivi par e-mail")).Check(FollowLabel, true);
            Checkpoint(factory.DatabasePath);
            var filler = Fill(folder);

            var answer = await form.SubmitAsync("Enregistrer mon choix");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
            var page = await answer.ReadHtmlAsync();
            Assert.Equal("Le portail est momentanément indisponible", page.QuerySelector("h1")?.TextContent.Trim());
            Assert.Contains("rien n'a été enregistré", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.DoesNotContain("modifiée entre-temps", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.True(factory.Logs.Events.Any(e => e.Level == Serilog.Events.LogEventLevel.Error
                && e.RenderMessage().Contains("the data folder's disk is full", StringComparison.Ordinal)),
                "no error names the cause:\n" + string.Join("\n", factory.Logs.Lines().Where(l => l.Contains("rror", StringComparison.Ordinal)).Take(10)));

            // The API says the same, as its document declares (503, Retry-After, Api.Unavailable), and keeps nothing.
            var created = await api.PostJsonAsync("/api/v1/port-requests", new { numberType = "fixed" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, created.StatusCode);
            Assert.Equal("Api.Unavailable", (await created.JsonAsync()).GetProperty("code").GetString());
            Assert.NotNull(created.Headers.RetryAfter);

            var ready = await probe.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var storage = (await ready.JsonAsync()).GetProperty("checks").GetProperty("storage");
            Assert.Equal("Unhealthy", storage.GetProperty("status").GetString());
            Assert.Contains("0 MB free on the data folder's disk", storage.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("A database write failed", storage.GetProperty("detail").GetString(), StringComparison.Ordinal);
            // Room again: readiness comes back once the last fault is older than its memory, and the same form saves.
            File.Delete(filler);
            clock.Advance(TimeSpan.FromSeconds(31));
            var back = await probe.GetAsync("/health/ready");
            Assert.True(back.StatusCode == HttpStatusCode.OK, await back.Content.ReadAsStringAsync());
            Assert.False((await (await user.GetAsync("/portage/statut")).ReadHtmlAsync()).QuerySelector("#Follow")!.HasAttribute("checked"),
                "the refused choice was kept");
            var saved = await (await HtmlForm.OpenAsync(user, "/portage/statut", "Suivi par e-mail")).Check(FollowLabel, true).SubmitAsync("Enregistrer mon choix");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.True((await (await user.GetAsync("/portage/statut")).ReadHtmlAsync()).QuerySelector("#Follow")!.HasAttribute("checked"));

            // The API client's retry with the same Idempotency-Key makes the draft, once.
            var retried = await api.PostJsonAsync("/api/v1/port-requests", new { numberType = "fixed" });
            Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
            Assert.False(retried.Headers.Contains("Idempotent-Replayed"), "the failed call's answer was kept and replayed");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Run("umount", "-l", folder);
        }
    }

    [RootFact]
    public void A_log_line_is_written_whole_or_not_at_all_on_a_full_disk_and_a_cut_one_is_dropped_at_the_next_start()
    {
        var folder = TestFolders.New("log-full-");
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", folder);
        try
        {
            var logs = Path.Combine(folder, "logs");
            var padding = new string('x', 700);
            void Write(Serilog.ILogger log, string phase, int count)
            {
                for (var i = 0; i < count; i++)
                {
                    log.Information("{Phase} line {Index} {Padding}", phase, i, padding);
                }
            }

            using (var log = PortalLogger(folder))
            {
                Write(log, "before", 3); // the file's last block now has room left that a cut line could fill
                var filler = Fill(folder);
                Write(log, "full", 40);
                File.Delete(filler);
                Write(log, "after", 3);
            }

            var lines = LogLines(logs);
            Assert.All(lines, line => System.Text.Json.JsonDocument.Parse(line).Dispose());
            var phases = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("Phase").GetString()).ToList();
            Assert.Equal(3, phases.Count(p => p == "before"));
            Assert.Equal(3, phases.Count(p => p == "after"));

            // A line cut by a process that stopped while the disk was full is dropped at the next start, not glued to
            // the next line.
            var file = Directory.GetFiles(logs, "*.json").Single();
            File.AppendAllText(file, "{\"@t\":\"2026-12-08T01:02:03.456Z\",\"@mt\":\"cut her");
            using (var log = PortalLogger(folder))
            {
                Write(log, "restarted", 1);
            }

            lines = LogLines(logs);
            Assert.All(lines, line => System.Text.Json.JsonDocument.Parse(line).Dispose());
            Assert.Equal(7, lines.Count);
        }
        finally
        {
            Run("umount", "-l", folder);
        }
    }

    /// <summary>The portal's own logging configuration (JSON file, its hooks), writing into <paramref name="folder"/>'s logs.</summary>
    private static Serilog.Core.Logger PortalLogger(string folder)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:Folder"] = Path.Combine(folder, "logs"),
            ["Logging:Console"] = "false",
        }).Build();
        var context = new Microsoft.Extensions.Hosting.HostBuilderContext(new Dictionary<object, object>())
        {
            Configuration = configuration,
            HostingEnvironment = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = folder, EnvironmentName = "Production" },
        };
        var logger = new Serilog.LoggerConfiguration();
        Web.Infrastructure.Logging.Configure(context, new Microsoft.Extensions.DependencyInjection.ServiceCollection().BuildServiceProvider(), logger);
        return logger.CreateLogger();
    }

    private static List<string> LogLines(string logs) =>
        [.. Directory.GetFiles(logs, "*.json").SelectMany(f => File.ReadAllText(f).Split('\n', StringSplitOptions.RemoveEmptyEntries))];

    /// <summary>Moves the write-ahead log's pages into the database and empties it.</summary>
    private static void Checkpoint(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadWrite;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }

    /// <summary>Writes a file until the file system has no byte left; returns its path.</summary>
    private static string Fill(string folder)
    {
        var path = Path.Combine(folder, "filler.bin");
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        foreach (var size in new[] { 1 << 20, 1 << 12, 1 })
        {
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    file.Write(chunk);
                }
            }
            catch (IOException)
            {
                // This size no longer fits: go on with a smaller one.
            }
        }

        return path;
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)}: {error}");
    }
}
