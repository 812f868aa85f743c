using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// The real portal on a real database of its own (a SQLite file, or a SQL Server database: <see cref="TestDatabase"/>), with the demo data, in the Production-like "Testing"
/// environment (no developer pages, secure cookies), and every log event captured for inspection.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public PortalFactory(string? dataFolder = null, IDictionary<string, string?>? settings = null)
    {
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "ooma-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        _settings = new Dictionary<string, string?>
        {
            ["App:DataFolder"] = DataFolder,
            ["DemoData:Enabled"] = "true",
            ["SignIn:PermitPerMinute"] = "10000",
            ["Eligibility:PermitPerMinute"] = "10000",
        };
        foreach (var (key, value) in TestDatabase.SettingsFor(DataFolder))
        {
            _settings[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        ClientOptions.BaseAddress = new Uri("https://portail.ooma.test");
        ClientOptions.AllowAutoRedirect = false;
    }

    public string DataFolder { get; }

    public string DatabasePath => Path.Combine(DataFolder, "portal.db");

    public CapturingSink Logs { get; } = new();

    /// <summary>A clock the test moves; the real one when null.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; init; }

    /// <summary>"Testing" (Production-like) unless a test needs the Development-only pages.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Extra service changes a test needs (a failing collaborator, a test-only controller).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            TestDatabase.AddInterceptor(services, QueryCapture.Shared);
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }

            ConfigureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>Keeps every log event the portal writes, rendered, with its properties.</summary>
public sealed class CapturingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyCollection<LogEvent> Events => _events;

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>Each event as one line: message, properties and exception, as a file sink would write it.</summary>
    public IEnumerable<string> Lines() => _events.Select(e =>
        e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " +
        string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + e.Exception);
}

/// <summary>One shared portal for the tests of a class that only read, or write data of their own.</summary>
public sealed class SharedPortal : IDisposable
{
    public PortalFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
