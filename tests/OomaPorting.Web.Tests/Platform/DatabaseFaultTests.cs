using System.Diagnostics;
using System.Net;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// Faults provoked on a real portal process (issue 37, point 3): the database file taken away while the portal runs.
/// The portal must say so (readiness 503), never make a new empty database in its place, and heal on its own, without
/// a restart, once the file is back.
/// </summary>
public class DatabaseFaultTests
{
    private const string FollowLabel = "Recevoir par e-mail chaque étape des portages de ce compte";

    /// <summary>
    /// The database file's permissions taken away and given back while a portal run by an unprivileged user serves
    /// (issue 37, point 4: 22 of 105 writes still failed 88 s after, while readiness said ready). Readiness says so at
    /// once, every write is then refused (none half-kept), and both come back within seconds of the permissions' return.
    /// </summary>
    [RootFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task A_database_file_made_unreadable_and_readable_again_is_unready_meanwhile_and_heals_within_seconds()
    {
        var folder = TestFolders.New("permission-");
        using var portal = new PortalProcess(folder) { RunAsId = 65534 };
        await portal.StartAsync();
        var user = portal.Client(new CookieContainer());
        var probe = portal.Client(new CookieContainer());
        await PortalProcess.SignInAsync(user, DemoData.BoulangerieUser);
        var forms = new List<HtmlForm>();
        for (var i = 0; i < 5; i++)
        {
            forms.Add((await HtmlForm.OpenAsync(user, "/portage/statut", "Suivi par e-mail")).Check(FollowLabel, true));
        }

        var file = Path.Combine(folder, "portal.db");
        var mode = File.GetUnixFileMode(file);
        File.SetUnixFileMode(file, UnixFileMode.None);
        var ready = await probe.GetAsync("/health/ready");
        Assert.True(ready.StatusCode == HttpStatusCode.ServiceUnavailable, "readiness answered " + (int)ready.StatusCode + " with the file unreadable");
        Assert.Contains("The database refuses a write", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var form in forms)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await form.SubmitAsync("Enregistrer mon choix")).StatusCode);
        }

        File.SetUnixFileMode(file, mode);
        var watch = Stopwatch.StartNew();
        while ((await probe.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "readiness did not come back within 5 s of the permissions' return:\n"
                + string.Join('\n', portal.Output.TakeLast(20)));
            await Task.Delay(100);
        }

        // Nothing of the refused choices was kept; every write works again at once.
        var page = await (await user.GetAsync("/portage/statut")).ReadHtmlAsync();
        Assert.False(page.QuerySelector("#Follow")!.HasAttribute("checked"), "a refused choice was kept");
        for (var i = 0; i < 10; i++)
        {
            var follow = i % 2 == 0;
            var saved = await (await HtmlForm.OpenAsync(user, "/portage/statut", "Suivi par e-mail")).Check(FollowLabel, follow).SubmitAsync("Enregistrer mon choix");
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"write {i} after the return answered {(int)saved.StatusCode}");
            Assert.Equal(follow, (await (await user.GetAsync("/portage/statut")).ReadHtmlAsync()).QuerySelector("#Follow")!.HasAttribute("checked"));
        }
    }

    [Fact]
    public async Task A_database_file_moved_away_and_back_heals_without_a_restart_and_no_empty_one_is_made_meanwhile()
    {
        var folder = TestFolders.New("fault-");
        using var portal = new PortalProcess(folder);
        await portal.StartAsync();
        var client = portal.Client(new CookieContainer());
        var probe = portal.Client(new CookieContainer()); // the load balancer's: no session
        await PortalProcess.SignInAsync(client, DemoData.BoulangerieAdmin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/postes")).StatusCode);

        var file = Path.Combine(folder, "portal.db");
        var aside = Path.Combine(folder, "moved-away.db");
        File.Move(file, aside);

        // Readiness says so at once; pages fail (never with another account's data or an empty database's answers).
        var ready = await probe.GetAsync("/health/ready");
        Assert.True(ready.StatusCode == HttpStatusCode.ServiceUnavailable, $"readiness answered {(int)ready.StatusCode} with the file gone");
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/postes")).StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await probe.GetAsync("/health/ready")).StatusCode);
        }

        Assert.False(File.Exists(file), "a connection made a new, empty database where the real one was");

        File.Move(aside, file);
        var watch = Stopwatch.StartNew();
        while ((await probe.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "readiness did not come back within 30 s of the file's return:\n"
                + string.Join('\n', portal.Output.TakeLast(20)));
            await Task.Delay(200);
        }

        // Healed: every request works again, the session of before included.
        for (var i = 0; i < 20; i++)
        {
            var page = await client.GetAsync("/postes");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"request {i} after the return answered {(int)page.StatusCode}");
        }
    }

    [SqliteFact]
    public async Task A_page_asked_while_the_database_file_is_gone_says_the_portal_is_unavailable_not_that_something_went_wrong()
    {
        using var factory = new PortalFactory();
        var client = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/postes")).StatusCode);
        var aside = factory.DatabasePath + ".aside";
        File.Move(factory.DatabasePath, aside);
        try
        {
            var page = await client.GetAsync("/postes");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("60", page.Headers.RetryAfter?.ToString());
            var html = await page.ReadHtmlAsync();
            Assert.Equal("Le portail est momentanément indisponible", html.QuerySelector("h1")?.TextContent.Trim());
            Assert.False(File.Exists(factory.DatabasePath));
        }
        finally
        {
            File.Move(aside, factory.DatabasePath);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/postes")).StatusCode);
    }
}
