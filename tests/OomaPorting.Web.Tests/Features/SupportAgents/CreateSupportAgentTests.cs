using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.SupportAgents;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.SupportAgents;

/// <summary>
/// The first start in production (issue 13, part 1): on an empty database, <c>create-support-agent</c> makes a support
/// administrator with no password and prints a single-use link; the agent chooses a password there and is signed in.
/// </summary>
public partial class CreateSupportAgentTests
{
    [GeneratedRegex(@"https?://\S+(/compte/invitation/[A-Za-z0-9_-]+)")]
    private static partial Regex Link();

    private static PortalFactory EmptyProduction(FakeTimeProvider clock) =>
        new(settings: new Dictionary<string, string?> { ["DemoData:Enabled"] = "false" }) { Clock = clock };

    private static async Task<(int Code, string Output, string Error)> RunAsync(PortalFactory factory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CreateSupportAgentCommand.RunAsync(factory.Services, [CreateSupportAgentCommand.Name, .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task From_an_empty_database_the_command_makes_an_agent_who_chooses_a_password_once_and_is_signed_in()
    {
        var clock = new FakeTimeProvider(ClockedPortal.Start);
        using var factory = EmptyProduction(clock);
        _ = factory.Server;

        var (code, output, _) = await RunAsync(factory, "--email", "premiere@ooma-office.test", "--name", "Léa Premier");

        Assert.Equal(CreateSupportAgentCommand.Done, code);
        var link = Link().Match(output).Groups[1].Value;
        Assert.NotEmpty(link);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var agent = (await users.FindByEmailAsync("premiere@ooma-office.test"))!;
            Assert.False(await users.HasPasswordAsync(agent));
            Assert.Equal(["Support", "SupportAdmin"], (await users.GetRolesAsync(agent)).Order(StringComparer.Ordinal));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.DoesNotContain(link.Split('/')[^1], db.UserInvitations.Select(i => i.TokenHash).ToList()); // only its hash is stored
        }

        var visitor = PortalClient.Anonymous(factory);
        var page = await (await visitor.GetAsync(link)).ReadHtmlAsync();
        Assert.Contains("Léa Premier", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A common password is refused at its field; the link still works.
        var weak = await PortalClient.PostFormAsync(visitor, link, link, new Dictionary<string, string> { ["Password"] = "motdepasse123", ["ConfirmPassword"] = "motdepasse123" });
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.NotNull((await weak.ReadHtmlAsync()).QuerySelector(".error-summary a[href='#Password']"));
        var mismatch = await PortalClient.PostFormAsync(visitor, link, link, new Dictionary<string, string> { ["Password"] = "Un portage bien tranquille", ["ConfirmPassword"] = "autre" });
        Assert.NotNull((await mismatch.ReadHtmlAsync()).QuerySelector(".error-summary a[href='#ConfirmPassword']"));

        var chosen = await PortalClient.PostFormAsync(visitor, link, link, new Dictionary<string, string> { ["Password"] = "Un portage bien tranquille", ["ConfirmPassword"] = "Un portage bien tranquille" });
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        // Signed in, but an agent reaches nothing before two-factor sign-in is set up.
        var gated = await visitor.GetAsync("/support/portages");
        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        Assert.Equal("/mon-compte/double-authentification", gated.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/mon-compte/double-authentification")).StatusCode);

        // Used once: the same link now says it no longer works; the password signs in.
        var again = await (await PortalClient.Anonymous(factory).GetAsync(link)).ReadHtmlAsync();
        Assert.Contains("Ce lien n'est plus valable", again.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("form[action^='/compte/invitation/']"));
        await PortalClient.SignedInAsync(factory, "premiere@ooma-office.test", "Un portage bien tranquille");
    }

    [Fact]
    public async Task The_command_refuses_a_taken_email_and_wrong_arguments_and_creates_nothing()
    {
        var clock = new FakeTimeProvider(ClockedPortal.Start);
        using var factory = EmptyProduction(clock);
        _ = factory.Server;
        Assert.Equal(CreateSupportAgentCommand.Done, (await RunAsync(factory, "--email=agent@ooma-office.test", "--name=Agent Un")).Code);

        var taken = await RunAsync(factory, "--email", "AGENT@ooma-office.test", "--name", "Agent Deux");
        Assert.Equal(CreateSupportAgentCommand.EmailTaken, taken.Code);
        Assert.Contains("already exists: nothing was created", taken.Error, StringComparison.Ordinal);
        Assert.Equal(CreateSupportAgentCommand.Usage, (await RunAsync(factory, "--email", "agent3@ooma-office.test")).Code);
        Assert.Equal(CreateSupportAgentCommand.Usage, (await RunAsync(factory, "--email", "pas-une-adresse", "--name", "Agent")).Code);
        Assert.Equal(CreateSupportAgentCommand.Usage, (await RunAsync(factory, "--email", "agent4@ooma-office.test", "--name", "<script>")).Code);

        using var scope = factory.Services.CreateScope();
        Assert.Equal(1, scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Count());
    }

    [Fact]
    public async Task A_link_expires_after_seven_days_and_a_newer_link_revokes_the_older()
    {
        var clock = new FakeTimeProvider(ClockedPortal.Start);
        using var factory = EmptyProduction(clock);
        _ = factory.Server;
        var first = Link().Match((await RunAsync(factory, "--email", "agent@ooma-office.test", "--name", "Agent Un")).Output).Groups[1].Value;
        string second;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var agent = db.Users.Single();
            second = Web.Infrastructure.Identity.Invitations.Path + await Web.Infrastructure.Identity.Invitations.IssueAsync(db, agent.Id, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var visitor = PortalClient.Anonymous(factory);
        Assert.Contains("n'est plus valable", (await (await visitor.GetAsync(first)).ReadHtmlAsync()).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await (await visitor.GetAsync(second)).ReadHtmlAsync()).QuerySelector("form[action^='/compte/invitation/']"));

        clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Contains("n'est plus valable", (await (await visitor.GetAsync(second)).ReadHtmlAsync()).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>The same binary that serves the web runs the command: exit codes as documented, the link on standard output.</summary>
    [SqliteFact]
    public async Task The_portals_own_binary_runs_the_command_on_an_empty_production_database()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ooma-command-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var created = await PortalCommand.RunAsync(folder, CreateSupportAgentCommand.Name, "--email", "agent@ooma-office.test", "--name", "Agent Un");
        Assert.True(created.Code == 0, created.Output);
        Assert.Matches(@"https://portail\.ooma\.test/compte/invitation/[A-Za-z0-9_-]{43}", created.Output);

        var again = await PortalCommand.RunAsync(folder, CreateSupportAgentCommand.Name, "--email", "agent@ooma-office.test", "--name", "Agent Un");
        Assert.Equal(CreateSupportAgentCommand.EmailTaken, again.Code);
        Assert.Contains("already exists", again.Output, StringComparison.Ordinal);
    }
}
