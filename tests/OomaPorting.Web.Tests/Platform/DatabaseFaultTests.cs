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
