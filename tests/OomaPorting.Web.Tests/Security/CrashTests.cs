using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Tests.Security;

/// <summary>
/// The portal as a real process on SQLite, killed with SIGKILL in the middle of a few hundred concurrent submissions,
/// then restarted: every submission that got its redirect is there, whole; none is half-written; the file is sound.
/// </summary>
public partial class CrashTests
{
    private sealed class Portal(string dataFolder, int port) : IDisposable
    {
        private Process? _process;

        public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");

        public async Task StartAsync()
        {
            var bin = AppContext.BaseDirectory;

            // Development, so that its cookies need no HTTPS on this loopback port; the database code is the same.
            var info = new ProcessStartInfo("dotnet", [Path.Combine(bin, "OomaPorting.Web.dll"), "--urls", BaseAddress.ToString(), "--environment", "Development"])
            {
                WorkingDirectory = bin,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.Environment["App__DataFolder"] = dataFolder;
            info.Environment["DemoData__Enabled"] = "true";
            info.Environment["SignIn__PermitPerMinute"] = "100000";
            info.Environment["Email__DispatcherEnabled"] = "false";
            _process = Process.Start(info)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
            for (var i = 0; i < 150; i++)
            {
                try
                {
                    if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                }

                await Task.Delay(200);
            }

            throw new InvalidOperationException("The portal did not start.");
        }

        public void Kill()
        {
            // SIGKILL: no shutdown, no flush, exactly what a power cut or the OOM killer does.
            _process!.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        public void Dispose()
        {
            if (_process is { HasExited: false })
            {
                Kill();
            }

            _process?.Dispose();
        }
    }

    [Fact]
    public async Task Killing_the_portal_mid_submissions_loses_no_acknowledged_write_and_leaves_no_half_written_one()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ooma-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var acknowledged = new ConcurrentDictionary<Guid, int>();
        using (var portal = new Portal(folder, port))
        {
            await portal.StartAsync();
            var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
            using var client = new HttpClient(handler) { BaseAddress = portal.BaseAddress };
            var token = await SignInAsync(client);
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
                        var created = await Post(client, "/portage", token, [], stop.Token);
                        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);
                        await Post(client, $"/portage/{id}/type", token, [new("Command.NumberType", "Fixed")], stop.Token);
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

                        var saved = await Post(client, $"/portage/{id}/numeros", token, lines, stop.Token);
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
        using (var again = new Portal(folder, FreePort()))
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

    private static async Task<string> SignInAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/compte/connexion");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var response = await Post(client, "/compte/connexion", token,
            [new("Email", DemoData.BoulangerieAdmin), new("Password", DemoData.Password)], CancellationToken.None);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var home = await client.GetStringAsync("/postes");
        return WebUtility.HtmlDecode(Token().Match(home).Groups[1].Value);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string path, string token, List<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        fields.Add(new("__RequestVerificationToken", token));
        return client.PostAsync(path, new FormUrlEncodedContent(fields), ct);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
