using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// The portal on real Kestrel (a loopback port) with its own fresh SQLite database and demo data, on a clock the
/// journeys move, and Debian's Chromium driven by Playwright (nothing is downloaded).
/// </summary>
public sealed class BrowserPortal : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "ooma-browser-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public BrowserPortal()
    {
        Directory.CreateDirectory(_dataFolder);
        UseKestrel(0);
    }

    /// <summary>Tuesday 1 December 2026, 08:00 UTC: a working day, so FOC dates and test calls fall on it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseStaticWebAssets();
        builder.UseSetting("App:DataFolder", _dataFolder);
        builder.UseSetting("DemoData:Enabled", "true");
        builder.UseSetting("SignIn:PermitPerMinute", "10000");
        builder.UseSetting("Eligibility:PermitPerMinute", "10000");
        builder.UseSetting("Email:DispatcherEnabled", "false");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // Chromium treats localhost as a secure context, so the portal's Secure cookies work over plain HTTP.
        BaseUrl = new UriBuilder(address) { Host = "localhost" }.Uri.ToString().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync(string locale = "fr-FR", bool javaScript = true, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },

            // As the TLS proxy in front of the portal says it (the loopback is a trusted proxy): the portal serves
            // https pages with Secure cookies, which Chromium keeps on localhost.
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https" },
        });
        // The browser tests run beside the HTTP tests on two cores: a page may take seconds to come under that load.
        // Waits are generous (they end as soon as the page is there); a missing element still fails, after a minute.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();

        // The page's last exchanges, for a failure's message (a run that stalls must say whether a post left at all and
        // what came back).
        var exchanges = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        void Keep(string line)
        {
            exchanges.Enqueue($"{started.Elapsed.TotalSeconds:0.0}s {line}");
            while (exchanges.Count > 30 && exchanges.TryDequeue(out _))
            {
            }
        }

        page.Request += (_, r) => Keep($"{r.Method} {new Uri(r.Url).PathAndQuery}");
        page.Response += (_, r) => Keep($"{r.Status} {new Uri(r.Url).PathAndQuery}");
        page.RequestFailed += (_, r) => Keep($"failed {new Uri(r.Url).PathAndQuery}: {r.Failure}");
        Exchanges.AddOrUpdate(page, exchanges);
        return page;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, System.Collections.Concurrent.ConcurrentQueue<string>> Exchanges = new();

    /// <summary>What <paramref name="page"/> last sent and got (requests of the vendored libraries left out), for a failure's message.</summary>
    public static string ExchangesOf(IPage page) =>
        Exchanges.TryGetValue(page, out var exchanges) ? string.Join("; ", exchanges.Where(x => !x.Contains("/lib/", StringComparison.Ordinal))) : "(none kept)";

    public async Task<IPage> SignInAsync(string email, string locale = "fr-FR", bool javaScript = true, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(locale, javaScript, width, height);
        await page.GotoAsync("/compte/connexion");

        // What the browser sent and got, for the failure's message: a flaky run must say whether the post left at all.
        var exchanges = new List<string>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        page.Request += (_, r) => exchanges.Add($"{started.Elapsed.TotalSeconds:0.0}s {r.Method} {new Uri(r.Url).PathAndQuery}");
        page.Response += (_, r) => exchanges.Add($"{started.Elapsed.TotalSeconds:0.0}s {r.Status} {new Uri(r.Url).PathAndQuery}");
        page.RequestFailed += (_, r) => exchanges.Add($"{started.Elapsed.TotalSeconds:0.0}s failed {new Uri(r.Url).PathAndQuery}: {r.Failure}");

        await SubmitUntilAwayAsync(page, email, "/compte/connexion", exchanges, async () =>
        {
            await page.FillAsync("#Email", email);
            await page.FillAsync("#Password", Web.Data.DemoData.Password);
        });
        if (new Uri(page.Url).AbsolutePath == "/compte/connexion/code")
        {
            // A fresh code for each attempt: a step the portal already took is refused as a replay.
            await SubmitUntilAwayAsync(page, email, "/compte/connexion/code", exchanges, async () =>
                await page.FillAsync("#Code", await NextCodeAsync(email)));
        }

        return page;
    }

    /// <summary>
    /// Fills the form on <paramref name="path"/> and submits it, then waits for the page it leads to (not for the old
    /// page's load state, which a click can beat). Under load a run stayed on the sign-in page, and once on the code
    /// page, with no message, as if the click had not submitted: a person would click again, and so does this, three
    /// times at most; a refusal the page states fails at once with its words, and the last failure lists the exchanges.
    /// </summary>
    private static async Task SubmitUntilAwayAsync(IPage page, string email, string path, List<string> exchanges, Func<Task> fill)
    {
        var away = new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 };
        for (var attempt = 1; ; attempt++)
        {
            await fill();
            await page.ClickAsync("main button[type=submit]");
            try
            {
                await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != path, away);
                return;
            }
            catch (TimeoutException e)
            {
                var refusal = await page.Locator(".error-summary").AllInnerTextsAsync();
                if (refusal.Count > 0)
                {
                    throw new InvalidOperationException($"The sign-in of {email} was refused on {path}: {string.Join(" ", refusal)}", e);
                }

                if (attempt == 3)
                {
                    throw new TimeoutException($"The sign-in of {email} stayed on {page.Url} after 3 clicks; the browser's exchanges: "
                        + string.Join("; ", exchanges.Where(x => !x.Contains("/lib/", StringComparison.Ordinal))), e);
                }
            }
        }
    }

    /// <summary>
    /// What the person's authenticator app shows now, for a time step the portal has not accepted yet (each step works
    /// once): the portal's clock moves on by 30 seconds when the current step was used.
    /// </summary>
    public async Task<string> NextCodeAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Web.Data.AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator key.");
        while (Clock.GetUtcNow().ToUnixTimeSeconds() / 30 <= user.AuthenticatorLastStep)
        {
            Clock.Advance(TimeSpan.FromSeconds(30));
        }

        return Web.Infrastructure.Identity.AuthenticatorCodes.Compute(key, Clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules: the page must have no violation. Also keeps a screenshot.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        var violations = string.Join("\n", results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(",", n.Target)))}"));
        Assert.True(results.Violations.Length == 0, $"axe on {name} ({page.Url}):\n{violations}");
    }

    private static int _numbers;

    /// <summary>
    /// On the documents step: attaches the sample bill (a small clean PDF) through the file input, as the admin picks a
    /// file, checks the page with axe under <paramref name="screenshot"/> when given, then goes on to the signature.
    /// </summary>
    public static async Task AttachBillAsync(IPage page, string? screenshot = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/portage/[0-9a-f-]{36}/justificatifs"));
        await page.SetInputFilesAsync("#Command_Files", new FilePayload
        {
            Name = "facture-orange.pdf", MimeType = "application/pdf", Buffer = Domain.Porting.PortRequestBuilder.SampleBillPdf,
        });
        await page.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        await page.WaitForSelectorAsync("#documents");
        if (screenshot is not null)
        {
            await CheckAsync(page, screenshot);
        }

        await page.ClickAsync("a[href$='/signature'].btn-primary");
    }

    /// <summary>
    /// On the signature-code page: reads the code the portal e-mailed for this request (from the outbox, as the signer
    /// reads their mailbox), types it and confirms.
    /// </summary>
    public async Task ConfirmSignatureCodeAsync(IPage page, string button)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.FillAsync("#Code", await SignatureCodeAsync(page));
        await page.ClickAsync($"text={button}");
    }

    /// <summary>The code the portal e-mailed for the request whose code page is open.</summary>
    public async Task<string> SignatureCodeAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/portage/[0-9a-f-]{36}/signature/code$"));
        }
        catch (TimeoutException e)
        {
            // A stall seen under load (the signature posted, no code page): say where the page is and what it says.
            var said = string.Join(" | ", await page.Locator("h1, .error-summary, .field-error:not(:empty)").AllInnerTextsAsync());
            throw new TimeoutException($"The code page did not come: the page is on {page.Url} and says \"{said}\"; the browser's exchanges: {ExchangesOf(page)}", e);
        }

        var id = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[2]);
        string body;
        using (var scope = Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
            body = db.OutboxMessages.Where(m => m.PortRequestId == id && m.Kind == "SignatureCode")
                .OrderByDescending(m => m.CreatedAtUtc).Select(m => m.TextBody).First();
        }

        var code = System.Text.RegularExpressions.Regex.Match(body, @"code ?: (\d{3}) (\d{3})");
        Assert.True(code.Success, body);
        return code.Groups[1].Value + code.Groups[2].Value;
    }

    /// <summary>A submitted request of the account, made through the domain's own methods, with numbers no other journey uses.</summary>
    public async Task<(Guid Id, string Reference, string MainNumber)> SubmittedRequestAsync(string company)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.AppDbContext>();
        db.NotificationsSuppressed = true;
        var account = db.Accounts.IgnoreQueryFilters().Single(a => a.CompanyName == company);
        var adminId = db.Users.Where(u => u.AccountId == account.Id).Select(u => u.Id).First();
        var admin = new Domain.Common.Actor(adminId, Domain.Common.ActorRole.AccountAdmin, "Admin");
        var now = Clock.GetUtcNow().UtcDateTime;
        var n = Interlocked.Increment(ref _numbers);
        var main = Domain.Numbers.FrenchNumber.Parse($"03 20 55 {n:D2} 10");
        var second = Domain.Numbers.FrenchNumber.Parse($"03 20 55 {n:D2} 11");
        var reference = await Web.Data.References.NextAsync(db, now.Year, CancellationToken.None);
        var r = new Domain.Porting.PortRequestBuilder(account.Id, admin, now)
            .Carrier("F4").CarrierAccount("BYT-998877")
            .Lines((main.Display, "F4E7K2M9Q"), (second.Display, null))
            .Address("2 rue Nationale", "59000", "Lille").Holder("Marie", "Martin")
            .MainNumber(main.Display, accountHasOwnMainNumber: account.MainNumber is not null)
            .Submit(reference);
        db.PortRequests.Add(r);
        var documents = new Web.Infrastructure.Documents.DatabaseDocumentStore(db);
        foreach (var document in r.Documents)
        {
            documents.Add(document.Id, Domain.Porting.PortRequestBuilder.SampleBillPdf); // the bill's bytes, as an upload stores them
        }

        await db.SaveChangesAsync();
        return (r.Id, reference, main.Display);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}

/// <summary>
/// A journey in a real browser. Without <c>/usr/bin/chromium</c> it is skipped with the reason, except under CI
/// (<c>CI=true</c>), where a missing browser must fail the run rather than hide it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(BrowserPortal.ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Chromium is not installed at {BrowserPortal.ChromiumPath} (apt-get install chromium); browser journeys are skipped outside CI.";
        }
    }
}

/// <summary>A browser theory: skipped like <see cref="BrowserFactAttribute"/> when Chromium is missing outside CI.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!File.Exists(BrowserPortal.ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"Chromium is not installed at {BrowserPortal.ChromiumPath} (apt-get install chromium); browser journeys are skipped outside CI.";
        }
    }
}
