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
        DataFolder = dataFolder ?? TestFolders.New();
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

    /// <summary>
    /// A client as <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> makes one (cookies kept, redirects not
    /// followed), whose every API answer is checked against the OpenAPI document (<see cref="ApiContract"/>).
    /// </summary>
    public new HttpClient CreateClient() =>
        CreateDefaultClient(ClientOptions.BaseAddress, new ApiContract.Handler(this), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());

    public string DatabasePath => Path.Combine(DataFolder, "portal.db");

    public CapturingSink Logs { get; } = new();

    /// <summary>A clock the test moves; the real one when null.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; init; }

    /// <summary>"Testing" (Production-like) unless a test needs the Development-only pages.</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Extra service changes a test needs (a failing collaborator, a test-only controller).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>
    /// False for a test of the start itself (migrations, seeding, first start): the portal then builds its database
    /// from nothing. Otherwise a new data folder starts as a copy of the run's template (<see cref="TemplateDatabase"/>).
    /// </summary>
    public bool FromTemplate { get; init; } = true;

    /// <summary>The settings this portal starts with (the template is made with the same demo data and clock).</summary>
    internal IReadOnlyDictionary<string, string?> Settings => _settings;

    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        if (FromTemplate)
        {
            TemplateDatabase.CopyInto(this);
        }

        return base.CreateHost(builder);
    }

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

            // Tests only: a password hash of 1,000 PBKDF2 iterations instead of Identity's 100,000, so the hundreds of
            // sign-ins of a run cost milliseconds, not minutes (ADR-008 keeps production's count).
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = TemplateDatabase.PasswordIterations);
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
