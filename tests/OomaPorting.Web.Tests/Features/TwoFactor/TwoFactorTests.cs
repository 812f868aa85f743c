using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Identity;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.TwoFactor;

/// <summary>One portal for the class, its clock moved only forward; every test signs in people of its own.</summary>
public sealed class TwoFactorPortal : IDisposable
{
    public FakeTimeProvider Clock { get; } = new(ClockedPortal.Start);

    public PortalFactory Factory { get; }

    public TwoFactorPortal() => Factory = new PortalFactory { Clock = Clock };

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// Two-factor sign-in (issue 13, part 5): authenticator codes on the portal's clock, each accepted once; wrong codes
/// toward lockout; recovery codes once each; mandatory for support; optional for customers unless their admin
/// requires it; a lost device reset by a support administrator, audited.
/// </summary>
public class TwoFactorTests(TwoFactorPortal portal) : IClassFixture<TwoFactorPortal>
{
    private PortalFactory Factory => portal.Factory;

    private static int _people;

    private static string NewEmail(string who) => $"{who}{Interlocked.Increment(ref _people)}@ooma-office.test";

    /// <summary>The password step: answers the client, now on the code page.</summary>
    private async Task<HttpClient> PasswordStepAsync(string email)
    {
        var client = PortalClient.Anonymous(Factory);
        var response = await PortalClient.SignInAsync(client, email, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion/code", response.Headers.Location!.OriginalString);
        return client;
    }

    private static Task<HttpResponseMessage> CodeAsync(HttpClient client, string code) =>
        PortalClient.PostFormAsync(client, "/compte/connexion/code", "/compte/connexion/code", new Dictionary<string, string> { ["Code"] = code });

    private async Task<AppUser> UserAsync(string email)
    {
        using var scope = Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    [Fact]
    public async Task A_code_is_accepted_once_on_the_portals_clock_and_a_replayed_code_is_refused()
    {
        var email = NewEmail("totp");
        var (_, key) = await TestPeople.AgentAsync(Factory, email);
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var code = AuthenticatorCodes.Compute(key!, now);

        // The password alone opens nothing: the code page asks for the second factor.
        var first = await PasswordStepAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/support/portages")).StatusCode);
        var accepted = await CodeAsync(first, code);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/support/portages")).StatusCode);

        // The same code, overheard and typed again in the same 30 seconds: refused at the field.
        var thief = await PasswordStepAsync(email);
        var replayed = await CodeAsync(thief, code);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.NotNull((await replayed.ReadHtmlAsync()).QuerySelector(".error-summary a[href='#Code']"));
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/support/portages")).StatusCode);

        // A code of a time far off (a stolen code kept for later) is refused too; the next step's code works.
        Assert.Equal(HttpStatusCode.OK, (await CodeAsync(thief, AuthenticatorCodes.Compute(key!, now.AddMinutes(-5)))).StatusCode);
        Assert.Equal(2, (await UserAsync(email)).AccessFailedCount); // both count toward the lockout
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(thief, AuthenticatorCodes.Compute(key!, portal.Clock.GetUtcNow().UtcDateTime))).StatusCode);
        Assert.Equal(0, (await UserAsync(email)).AccessFailedCount);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_person_out_like_five_wrong_passwords()
    {
        var email = NewEmail("lockout");
        var (_, key) = await TestPeople.AgentAsync(Factory, email);
        var client = await PasswordStepAsync(email);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await CodeAsync(client, "000000");
            Assert.Contains("n'est pas valide", (await wrong.ReadHtmlAsync()).QuerySelector(".error-summary")?.TextContent ?? string.Empty,
                StringComparison.Ordinal);
        }

        var fifth = await CodeAsync(client, "000000");
        Assert.Contains("bloqué", (await fifth.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.True((await UserAsync(email)).LockoutEnd > DateTimeOffset.UtcNow); // Identity's lockout runs on the system clock

        // Locked: even the right code does not let them in now.
        var right = await CodeAsync(client, AuthenticatorCodes.Compute(key!, portal.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/support/portages")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_works_once_and_a_wrong_one_counts_once_toward_lockout()
    {
        var email = NewEmail("recovery");
        await TestPeople.AgentAsync(Factory, email);
        List<string> codes;
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];

            // Stored hashed: the database holds none of the codes.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var stored = await db.UserTokens.Where(t => t.UserId == user.Id && t.Name == "RecoveryCodes").Select(t => t.Value).SingleAsync();
            Assert.All(codes, c => Assert.DoesNotContain(c, stored!, StringComparison.Ordinal));
        }

        var wrong = await CodeAsync(await PasswordStepAsync(email), "AAAAA-BBBBB");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(1, (await UserAsync(email)).AccessFailedCount);

        // Typed in lower case with spaces around: accepted, once.
        var first = await PasswordStepAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeAsync(first, "  " + codes[3].ToLowerInvariant() + " ")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/support/portages")).StatusCode);
        var again = await CodeAsync(await PasswordStepAsync(email), codes[3]);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var check = Factory.Services.CreateScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal(9, await manager.CountRecoveryCodesAsync((await manager.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task Every_code_of_a_set_works_once_one_sign_in_each_and_then_none_is_left()
    {
        var email = NewEmail("allcodes");
        await TestPeople.AgentAsync(Factory, email);
        List<string> codes;
        using (var scope = Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            codes = [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync((await users.FindByEmailAsync(email))!, 10))!];
        }

        // An agent without their phone signs in ten times, a code each time, through the code page's own form.
        for (var i = 0; i < codes.Count; i++)
        {
            var client = await PasswordStepAsync(email);
            var signedIn = await (await HtmlForm.OpenAsync(client, "/compte/connexion/code", "Valider")).Fill("Code", codes[i]).SubmitAsync();
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"Recovery code {i + 1} of {codes.Count} was refused.");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/support/portages")).StatusCode);
            using var check = Factory.Services.CreateScope();
            var manager = check.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await manager.FindByEmailAsync(email))!;
            Assert.Equal(codes.Count - i - 1, await manager.CountRecoveryCodesAsync(user));
            Assert.Equal(0, user.AccessFailedCount);
        }

        // Each was good once: none works again.
        foreach (var used in codes.Take(3))
        {
            Assert.Equal(HttpStatusCode.OK, (await CodeAsync(await PasswordStepAsync(email), used)).StatusCode);
        }
    }

    [Fact]
    public async Task An_agent_without_two_factor_reaches_only_the_set_up_and_is_let_in_once_it_is_done()
    {
        var email = NewEmail("newagent");
        await TestPeople.AgentAsync(Factory, email, twoFactor: false);
        var other = PortalClient.Anonymous(Factory); // the same agent on another browser
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(other, email, DemoData.Password)).StatusCode);
        var agent = PortalClient.Anonymous(Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(agent, email, DemoData.Password)).StatusCode);

        foreach (var page in new[] { "/support/portages", "/support/comptes", "/mon-compte", "/" })
        {
            var response = await agent.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/mon-compte/double-authentification", response.Headers.Location!.OriginalString);
        }

        var token = await PortalClient.TokenAsync(agent, "/mon-compte/double-authentification");
        Assert.Equal(HttpStatusCode.Forbidden, (await PortalClient.PostWithTokenAsync(agent, "/support/comptes/nouveau", token, new Dictionary<string, string>())).StatusCode);

        // The set-up page: a QR code drawn by the portal (a PNG, no outside service) and the key in groups of four.
        var setUp = await (await agent.GetAsync("/mon-compte/double-authentification")).ReadHtmlAsync();
        Assert.Null(setUp.QuerySelector("nav.app-tabs"));
        Assert.StartsWith("data:image/png;base64,", setUp.QuerySelector("main img")!.GetAttribute("src"), StringComparison.Ordinal);
        var key = setUp.QuerySelector("[data-authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Equal(32, key.Length);
        Assert.Equal(key, (await (await agent.GetAsync("/mon-compte/double-authentification")).ReadHtmlAsync())
            .QuerySelector("[data-authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal)); // a reload keeps it

        var wrong = await PortalClient.PostFormAsync(agent, "/mon-compte/double-authentification", "/mon-compte/double-authentification",
            new Dictionary<string, string> { ["Code"] = "123456" });
        Assert.NotNull((await wrong.ReadHtmlAsync()).QuerySelector(".error-summary a[href='#Code']"));
        Assert.False((await UserAsync(email)).TwoFactorEnabled);

        var enabled = await PortalClient.PostFormAsync(agent, "/mon-compte/double-authentification", "/mon-compte/double-authentification",
            new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.Compute(key, portal.Clock.GetUtcNow().UtcDateTime) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        Assert.True(enabled.Headers.CacheControl?.NoStore);
        var codes = (await enabled.ReadHtmlAsync()).QuerySelectorAll("[data-recovery-codes] code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-Z0-9]{5}-[A-Z0-9]{5}$", c));

        // In at once on this browser; the other browser's session (opened without the second factor) is over.
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/support/portages")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/mon-compte/double-authentification")).StatusCode);
        Assert.Contains("/compte/connexion", (await other.GetAsync("/mon-compte/double-authentification")).Headers.Location!.OriginalString, StringComparison.Ordinal);

        // An agent cannot turn it off.
        portal.Clock.Advance(TimeSpan.FromSeconds(30));
        var off = await PortalClient.PostForgedAsync(agent, "/mon-compte/double-authentification", "/mon-compte/double-authentification/desactiver",
            new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.Compute(key, portal.Clock.GetUtcNow().UtcDateTime) });
        Assert.Contains("obligatoire", (await off.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.True((await UserAsync(email)).TwoFactorEnabled);
    }

    [Fact]
    public async Task A_customer_may_turn_it_on_and_off_and_an_admin_can_require_it_only_once_using_it()
    {
        using var factory = new PortalFactory { Clock = new FakeTimeProvider(ClockedPortal.Start) };
        var clock = (FakeTimeProvider)factory.Services.GetRequiredService<TimeProvider>();
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var colleague = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieUser);

        // Requiring it before using it would lock the admin out: refused, said on the page.
        var early = await PortalClient.PostFormAsync(admin, "/utilisateurs", "/utilisateurs/double-authentification", new Dictionary<string, string> { ["Required"] = "true" });
        Assert.Contains("Activez d'abord", (await early.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var page = await (await admin.GetAsync("/mon-compte/double-authentification")).ReadHtmlAsync();
        var key = page.QuerySelector("[data-authenticator-key]")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PortalClient.PostFormAsync(admin, "/mon-compte/double-authentification", "/mon-compte/double-authentification",
            new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.Compute(key, clock.GetUtcNow().UtcDateTime) })).StatusCode);
        var required = await PortalClient.PostFormAsync(admin, "/utilisateurs", "/utilisateurs/double-authentification", new Dictionary<string, string> { ["Required"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, required.StatusCode);
        Assert.Equal("on", (await (await admin.GetAsync("/utilisateurs")).ReadHtmlAsync()).QuerySelector("[data-require-two-factor]")!.GetAttribute("data-require-two-factor"));

        // Paul has none: his session ended; at his next sign-in he reaches only the set-up.
        Assert.Contains("/compte/connexion", (await colleague.GetAsync("/postes")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var paul = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieUser);
        Assert.Equal("/mon-compte/double-authentification", (await paul.GetAsync("/postes")).Headers.Location!.OriginalString);

        // Durand's users are not concerned.
        var durand = await PortalClient.SignedInAsync(factory, DemoData.DurandUser);
        Assert.Equal(HttpStatusCode.OK, (await durand.GetAsync("/postes")).StatusCode);

        // Optional again: the admin may turn it off with a code.
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(admin, "/utilisateurs", "/utilisateurs/double-authentification",
            new Dictionary<string, string> { ["Required"] = "false" })).StatusCode);
        clock.Advance(TimeSpan.FromSeconds(30));
        var off = await PortalClient.PostFormAsync(admin, "/mon-compte/double-authentification", "/mon-compte/double-authentification/desactiver",
            new Dictionary<string, string> { ["Code"] = AuthenticatorCodes.Compute(key, clock.GetUtcNow().UtcDateTime) });
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal("off", (await (await admin.GetAsync("/mon-compte")).ReadHtmlAsync()).QuerySelector("[data-two-factor]")!.GetAttribute("data-two-factor"));
    }

    [Fact]
    public async Task A_support_administrator_resets_a_lost_device_audited_and_nobody_else_can()
    {
        var email = NewEmail("lostphone");
        var (agentId, _) = await TestPeople.AgentAsync(Factory, email);
        var plain = NewEmail("plain");
        await TestPeople.AgentAsync(Factory, plain);
        var plainClient = await PortalClient.SignedInAsync(Factory, plain);
        var token = await PortalClient.TokenAsync(plainClient, "/support/portages");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await PortalClient.PostWithTokenAsync(plainClient, $"/support/agents/{agentId}/double-authentification", token, new Dictionary<string, string>())).StatusCode);
        Assert.True((await UserAsync(email)).TwoFactorEnabled);

        var lead = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        var reset = await PortalClient.PostFormAsync(lead, "/support/agents", $"/support/agents/{agentId}/double-authentification", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var user = await UserAsync(email);
        Assert.False(user.TwoFactorEnabled);

        // Audited: who, when, what, whom.
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var line = await db.AuditEntries.SingleAsync(e => e.SubjectUserId == agentId);
            Assert.Equal(AuditActions.TwoFactorReset, line.Action);
            Assert.Equal("Support Ooma", line.ActorName);
            Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, line.AtUtc);
            Assert.Contains(email, line.Details, StringComparison.Ordinal);
        }

        // The password alone signs the agent in again, straight to a new set-up.
        var back = PortalClient.Anonymous(Factory);
        Assert.Equal("/", (await PortalClient.SignInAsync(back, email, DemoData.Password)).Headers.Location!.OriginalString);
        Assert.Equal("/mon-compte/double-authentification", (await back.GetAsync("/support/portages")).Headers.Location!.OriginalString);

        // Never one's own.
        var leadId = (await UserAsync(DemoData.SupportAgent)).Id;
        var own = await PortalClient.PostForgedAsync(lead, "/support/agents", $"/support/agents/{leadId}/double-authentification", new Dictionary<string, string>());
        Assert.Contains("Un autre administrateur", (await own.ReadHtmlAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }
}
