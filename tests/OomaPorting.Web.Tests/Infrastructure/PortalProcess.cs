using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// The portal as an operator runs it: its own <c>dotnet OomaPorting.Web.dll</c> process on a loopback port, its
/// settings given as environment variables, stopped with SIGKILL (no shutdown, no flush) when a test wants a crash.
/// </summary>
public sealed partial class PortalProcess : IDisposable
{
    private static readonly SemaphoreSlim CopyLock = new(1, 1);
    private readonly Dictionary<string, string?> _settings;
    private Process? _process;

    /// <param name="dataFolder">The data folder (the SQLite file and the keys): two processes given the same one share a database.</param>
    /// <param name="settings">Configuration keys (<c>Email:PollSeconds</c>), passed as <c>Email__PollSeconds</c>.</param>
    public PortalProcess(string dataFolder, IDictionary<string, string?>? settings = null)
    {
        DataFolder = dataFolder;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        _settings = new Dictionary<string, string?>
        {
            ["App:DataFolder"] = dataFolder,
            ["DemoData:Enabled"] = "true",
            ["SignIn:PermitPerMinute"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataFolder { get; }

    public Uri BaseAddress { get; }

    /// <summary>What the process wrote (standard output and error), for a failing test's message.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>
    /// When set, the process runs as this user and group id (started through <c>setpriv</c>, so the test must run as
    /// root) and owns its data folder: file permissions then bind it as they bind a service account, where root's
    /// would not.
    /// </summary>
    public int? RunAsId { get; init; }

    /// <summary>Starts the process and waits until <c>/health/ready</c> answers 200 (migrations applied, demo data in).</summary>
    public async Task StartAsync()
    {
        var bin = RunAsId is { } user ? await ReadableBinAsync(user) : AppContext.BaseDirectory;

        // Development, so that its cookies need no HTTPS on this loopback port; the database code is the same.
        string[] portal = ["dotnet", Path.Combine(bin, "OomaPorting.Web.dll"), "--urls", BaseAddress.ToString(), "--environment", "Development"];
        if (RunAsId is { } id)
        {
            Directory.CreateDirectory(DataFolder);
            await RunAsync("chown", "-R", $"{id}:{id}", DataFolder);
            _settings["HOME"] = DataFolder;
            _settings["DOTNET_CLI_HOME"] = DataFolder;
            portal = ["setpriv", $"--reuid={id}", $"--regid={id}", "--clear-groups", "--", .. portal];
        }

        var info = new ProcessStartInfo(portal[0], portal[1..])
        {
            WorkingDirectory = bin,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 300 && !_process.HasExited; i++)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("The portal did not start:\n" + string.Join('\n', Output.TakeLast(40)));
    }

    /// <summary>SIGKILL: no shutdown, no flush, exactly what a power cut or the OOM killer does to the process.</summary>
    public void Kill()
    {
        _process!.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>A client of this process with its own base address and the cookie jar given (shared jars = one browser).</summary>
    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = BaseAddress };

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            Kill();
        }

        _process?.Dispose();
    }

    /// <summary>The antiforgery token of a page's first form.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string page)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(page);
        return WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);
    }

    /// <summary>Posts a form with the token given (which may come from another process's page).</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, List<KeyValuePair<string, string>> fields,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        fields.Add(new("__RequestVerificationToken", token));
        return client.PostAsync(path, new FormUrlEncodedContent(fields), ct);
    }

    /// <summary>Signs in on this client's process and answers the token of the signed-in home page.</summary>
    public static async Task<string> SignInAsync(HttpClient client, string email)
    {
        var token = await TokenAsync(client, "/compte/connexion");
        var response = await PostAsync(client, "/compte/connexion", token, [new("Email", email), new("Password", DemoData.Password)]);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} answered {(int)response.StatusCode}.");
        }

        return await TokenAsync(client, "/postes");
    }

    /// <summary>
    /// The test's output folder when <paramref name="id"/> may read it, else a copy of it that it may (a checkout under
    /// a private home folder), made once per test process.
    /// </summary>
    private static async Task<string> ReadableBinAsync(int id)
    {
        var bin = AppContext.BaseDirectory;
        try
        {
            await RunAsync("setpriv", $"--reuid={id}", $"--regid={id}", "--clear-groups", "--", "test", "-r", Path.Combine(bin, "OomaPorting.Web.dll"));
            return bin;
        }
        catch (InvalidOperationException)
        {
            var copy = Path.Combine(TestFolders.Root, "bin-for-" + id);
            await CopyLock.WaitAsync();
            try
            {
                if (!Directory.Exists(copy))
                {
                    await RunAsync("cp", "-a", bin.TrimEnd('/'), copy + ".partial");
                    Directory.Move(copy + ".partial", copy);
                }
            }
            finally
            {
                CopyLock.Release();
            }

            return copy;
        }
    }

    /// <summary>Runs a command to its end and fails with its error output when it fails.</summary>
    public static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {error}");
        }
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        Output.Enqueue(line);
        while (Output.Count > 2000 && Output.TryDequeue(out _))
        {
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
