using System.Collections.Concurrent;
using System.Net;
using Microsoft.Data.Sqlite;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

/// <summary>
/// The portal as a real process on SQLite, killed with SIGKILL in the middle of a few hundred concurrent submissions,
/// then restarted: every submission that got its redirect is there, whole; none is half-written; the file is sound.
/// </summary>
public class CrashTests
{
    [SqliteFact]
    public async Task Killing_the_portal_mid_submissions_loses_no_acknowledged_write_and_leaves_no_half_written_one()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ooma-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var acknowledged = new ConcurrentDictionary<Guid, int>();
        using (var portal = new PortalProcess(folder, new Dictionary<string, string?> { ["Email:DispatcherEnabled"] = "false" }))
        {
            await portal.StartAsync();
            using var client = portal.Client(new CookieContainer());
            var token = await PortalProcess.SignInAsync(client, DemoData.BoulangerieAdmin);
            using var stop = new CancellationTokenSource();
            var started = 0;

            async Task Submitter(int worker)
            {
                while (!stop.IsCancellationRequested)
                {
                    var n = Interlocked.Increment(ref started);
                    if (n > 400)
                    {
                        return;
                    }

                    try
                    {
                        var created = await PortalProcess.PostAsync(client, "/portage", token, [], stop.Token);
                        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
                        await PortalProcess.PostAsync(client, $"/portage/{id}/type", token, [new("Command.NumberType", "Fixed")], stop.Token);
                        var lines = new List<KeyValuePair<string, string>> { new("action", "enregistrer") };
                        for (var i = 0; i < 3; i++)
                        {
                            var number = $"02 4{worker % 10} {n / 100 % 100:D2} {n % 100:D2} {i + 10:D2}";
                            lines.Add(new($"Command.Lines[{i}].Number", number));
                            if (i == 0)
                            {
                                var parsed = Domain.Numbers.FrenchNumber.Parse(number);
                                lines.Add(new("Command.Lines[0].Rio", "F0K7M2P9Q" + Domain.Numbers.Rio.ComputeKey("F0K7M2P9Q", parsed)));
                            }
                        }

                        var saved = await PortalProcess.PostAsync(client, $"/portage/{id}/numeros", token, lines, stop.Token);
                        if (saved.StatusCode == HttpStatusCode.Redirect)
                        {
                            acknowledged[id] = 3;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
                    {
                        return;
                    }
                }
            }

            var workers = Enumerable.Range(0, 16).Select(Submitter).ToList();
            while (acknowledged.Count < 60)
            {
                await Task.Delay(20);
            }

            portal.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
        }

        Assert.True(acknowledged.Count >= 60);

        // Restarted on the same files: it starts, the database is sound, every acknowledged save is whole.
        using (var again = new PortalProcess(folder, new Dictionary<string, string?> { ["Email:DispatcherEnabled"] = "false" }))
        {
            await again.StartAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "portal.db")};Pooling=False");
        await connection.OpenAsync();
        await using (var integrity = connection.CreateCommand())
        {
            integrity.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", (string?)await integrity.ExecuteScalarAsync());
        }

        var linesPerRequest = new Dictionary<Guid, long>();
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT r.Id, (SELECT COUNT(*) FROM PortLines l WHERE l.PortRequestId = r.Id) FROM PortRequests r WHERE r.Status = 'Draft'";
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                linesPerRequest[reader.GetGuid(0)] = reader.GetInt64(1);
            }
        }

        foreach (var (id, lines) in acknowledged)
        {
            Assert.True(linesPerRequest.TryGetValue(id, out var stored), $"Acknowledged request {id} is missing.");
            Assert.Equal(lines, stored);
        }

        Assert.All(linesPerRequest.Values, n => Assert.True(n is 0 or 3, $"A request holds {n} lines: half-written."));
    }
}
