using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.SupportAgents;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Identity;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// Issue 13's "done when", in one go over HTTP: from an empty production database, the command makes the first agent,
/// who chooses a password, sets up two-factor sign-in and opens a customer account; its admin, invited by e-mail
/// (a real SMTP server catches it; the test follows the link), chooses a password, invites a colleague, and starts a port.
/// </summary>
public partial class FirstStartJourneyTests
{
    [GeneratedRegex(@"https?://[^\s""<>]+(/compte/invitation/[A-Za-z0-9_-]+)")]
    private static partial Regex Link();

    private static async Task<string> LinkMailedToAsync(PortalFactory factory, TestSmtpServer smtp, string to) =>
        TestSmtpServer.LinkIn((await smtp.DeliveredToAsync(factory, to)).Last());

    private static async Task<HttpClient> ChoosePasswordAsync(PortalFactory factory, string link, string password)
    {
        var client = PortalClient.Anonymous(factory);
        var chosen = await PortalClient.PostFormAsync(client, link, link, new Dictionary<string, string> { ["Password"] = password, ["ConfirmPassword"] = password });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        return client;
    }

    [Fact]
    public async Task From_an_empty_database_to_a_customers_first_port()
    {
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(ClockedPortal.Start);
        var settings = smtp.Settings();
        settings["DemoData:Enabled"] = "false";
        using var factory = new PortalFactory(settings: settings) { Clock = clock };
        _ = factory.Server;

        // 1. The first agent, from the command line.
        using var output = new StringWriter();
        Assert.Equal(CreateSupportAgentCommand.Done,
            await CreateSupportAgentCommand.RunAsync(factory.Services, [CreateSupportAgentCommand.Name, "--email", "lea@ooma-office.test", "--name", "Léa Premier"],
                output, TextWriter.Null));
        var agent = await ChoosePasswordAsync(factory, Link().Match(output.ToString()).Groups[1].Value, "Le support répond toujours");

        // 2. Two-factor set-up, the only page open to the agent until it is done.
        Assert.Equal("/mon-compte/double-authentification", (await agent.GetAsync("/support/comptes")).Headers.Location!.OriginalString);
        var setUp = await (await agent.GetAsync("/mon-compte/double-authentification")).ReadHtmlAsync();
        var key = setUp.QuerySelector("[data-authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        var codes = await PortalClient.PostFormAsync(agent, "/mon-compte/double-authentification", "/mon-compte/double-authentification",
            new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.Compute(key, clock.GetUtcNow().UtcDateTime) });
        Assert.Equal(10, (await codes.ReadHtmlAsync()).QuerySelectorAll("[data-recovery-codes] code").Length);

        // 3. The agent opens a customer account; its admin is invited by e-mail.
        var opened = await PortalClient.PostFormAsync(agent, "/support/comptes/nouveau", "/support/comptes/nouveau", new Dictionary<string, string>
        {
            ["CompanyName"] = "Garage Lemoine", ["Siret"] = "732 829 320 00074", ["TemporaryNumber"] = "09 70 11 22 33",
            ["AdminName"] = "Marc Lemoine", ["AdminEmail"] = "marc@garage-lemoine.test",
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        // 4. The admin chooses a password from the e-mailed link and invites a colleague.
        var admin = await ChoosePasswordAsync(factory, await LinkMailedToAsync(factory, smtp, "marc@garage-lemoine.test"), "Vidange et pneus neufs");
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(admin, "/utilisateurs", "/utilisateurs/inviter", new Dictionary<string, string>
        {
            ["DisplayName"] = "Julie Lemoine", ["Email"] = "julie@garage-lemoine.test", ["Role"] = "AccountUser", ["Extension"] = "102",
        })).StatusCode);
        var colleague = await ChoosePasswordAsync(factory, await LinkMailedToAsync(factory, smtp, "julie@garage-lemoine.test"), "Accueil du garage le matin");
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/portage/statut")).StatusCode);
        Assert.Contains("Julie Lemoine", (await (await admin.GetAsync("/postes")).ReadHtmlAsync()).QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        // 5. The admin starts a port: the wizard opens on its first step, for this account.
        var started = await PortalClient.PostFormAsync(admin, "/portage", "/portage", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Matches("^/portage/[0-9a-f-]{36}/type$", started.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(started.Headers.Location)).StatusCode);

        // Audited, and the agent signs in later with password and code.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal([AuditActions.AccountCreated], await db.AuditEntries.Select(e => e.Action).ToListAsync());
        Assert.Single(await db.PortRequests.IgnoreQueryFilters().ToListAsync());
        clock.Advance(TimeSpan.FromMinutes(1));
        var later = PortalClient.Anonymous(factory);
        Assert.Equal("/compte/connexion/code", (await PortalClient.SignInAsync(later, "lea@ooma-office.test", "Le support répond toujours")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(later, "/compte/connexion/code", "/compte/connexion/code",
            new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.Compute(key, clock.GetUtcNow().UtcDateTime) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await later.GetAsync("/support/comptes")).StatusCode);
    }
}
