using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Account;

public class SignInTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Theory]
    [InlineData(DemoData.BoulangerieAdmin, "/", "Boulangerie Martin", "Marie Martin")]
    [InlineData(DemoData.BoulangerieUser, "/", "Boulangerie Martin", "Paul Lefèvre")]
    [InlineData(DemoData.DurandAdmin, "/", "Cabinet Durand", "Jean Durand")]
    [InlineData(DemoData.DurandUser, "/", "Cabinet Durand", "Claire Petit")]
    [InlineData(DemoData.SupportAgent, "/support/tableau-de-bord", "Tableau de bord du support", "Support Ooma")]
    public async Task Each_demo_user_signs_in_and_lands_on_their_home(string email, string home, string heading, string name)
    {
        var client = await PortalClient.SignedInAsync(portal.Factory, email);
        var root = await client.GetAsync("/");
        if (home != "/")
        {
            Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
            Assert.Equal(home, root.Headers.Location?.OriginalString);
            root = await client.GetAsync(home);
        }

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        var doc = await root.ReadHtmlAsync();
        Assert.Equal(heading, doc.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains(name, doc.QuerySelector(".app-user")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_french_field_message_and_no_session()
    {
        var client = PortalClient.Anonymous(portal.Factory);
        var response = await PortalClient.SignInAsync(client, DemoData.DurandUser, "not-the-password-at-all");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ReadHtmlAsync();
        Assert.StartsWith("Erreur :", doc.Title, StringComparison.Ordinal);
        Assert.Contains("L'adresse e-mail ou le mot de passe est incorrect", doc.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Email", doc.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/postes")).StatusCode);
    }

    [Fact]
    public async Task Empty_fields_get_a_message_each()
    {
        var client = PortalClient.Anonymous(portal.Factory);
        var response = await PortalClient.SignInAsync(client, "", "");
        var summary = (await response.ReadHtmlAsync()).QuerySelector(".error-summary")?.TextContent;
        Assert.Contains("Saisissez votre adresse e-mail", summary, StringComparison.Ordinal);
        Assert.Contains("Saisissez votre mot de passe", summary, StringComparison.Ordinal);

        // One message per field: the first rule a field breaks (an empty address also read "adresse invalide").
        var links = (await (await PortalClient.SignInAsync(client, "", "")).ReadHtmlAsync()).QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(links.Distinct().Count(), links.Count);
    }

    [Fact]
    public async Task Sign_in_only_redirects_to_a_local_address()
    {
        var client = PortalClient.Anonymous(portal.Factory);
        var response = await PortalClient.PostFormAsync(client, "/compte/connexion", "/compte/connexion", new Dictionary<string, string>
        {
            ["Email"] = DemoData.BoulangerieUser,
            ["Password"] = DemoData.Password,
            ["ReturnUrl"] = "https://evil.example/steal",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_replayed_cookie()
    {
        var client = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieUser);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/postes")).StatusCode);
        var cookie = PortalClient.Cookie(client, "ooma.session");

        var signOut = await PortalClient.PostFormAsync(client, "/postes", "/compte/deconnexion", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        await AssertOpensNothingAsync(portal.Factory, cookie);
    }

    /// <summary>A copy of a session cookie, replayed from another client, gets the sign-in page, never a session.</summary>
    private static async Task AssertOpensNothingAsync(PortalFactory factory, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/postes");
        request.Headers.Add("Cookie", cookie);
        var response = await PortalClient.Anonymous(factory).SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://portail.ooma.test/compte/connexion", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_security_stamp_or_a_disabled_user_ends_every_session()
    {
        using var factory = new PortalFactory();
        var first = await PortalClient.SignedInAsync(factory, DemoData.DurandUser);
        var second = await PortalClient.SignedInAsync(factory, DemoData.DurandUser);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/postes")).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(DemoData.DurandUser);
            await users.UpdateSecurityStampAsync(user!);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/postes")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/postes")).StatusCode);

        var admin = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(DemoData.DurandAdmin);
            user!.IsDisabled = true;
            await users.UpdateAsync(user);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/postes")).StatusCode);
        var again = await PortalClient.SignInAsync(PortalClient.Anonymous(factory), DemoData.DurandAdmin, DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_is_refused_in_words_that_do_not_tell_who_has_an_account()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings());
        var known = PortalClient.Anonymous(factory);
        var unknown = PortalClient.Anonymous(factory);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PortalClient.SignInAsync(known, DemoData.DurandUser, $"wrong-password-{i}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await PortalClient.SignInAsync(unknown, "personne@cabinet-durand.test", $"wrong-password-{i}")).StatusCode);
        }

        var right = await PortalClient.SignInAsync(known, DemoData.DurandUser, DemoData.Password);
        var stranger = await PortalClient.SignInAsync(unknown, "personne@cabinet-durand.test", DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stranger.StatusCode);
        // The same words (the address is typed back into its field, an attribute).
        var lockedPage = (await right.ReadHtmlAsync()).QuerySelector("main")!.TextContent;
        Assert.Equal((await stranger.ReadHtmlAsync()).QuerySelector("main")!.TextContent, lockedPage);
        Assert.Contains("suspendu 15 minutes", lockedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await known.GetAsync("/postes")).StatusCode);

        // The owner of the address is told, once; nobody is written to for an address without an account.
        var mail = Assert.Single(await smtp.DeliveredToAsync(factory, DemoData.DurandUser));
        Assert.Contains("bloqué", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("15 minutes", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(await smtp.DeliveredToAsync(factory, "personne@cabinet-durand.test"));

        // Another user is not affected.
        await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
    }

    [Fact]
    public async Task Sign_in_posts_beyond_the_limit_get_a_french_429()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["SignIn:PermitPerMinute"] = "3" });
        var client = PortalClient.Anonymous(factory);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PortalClient.SignInAsync(client, DemoData.DurandUser, "wrong-password-x")).StatusCode);
        }

        var limited = await PortalClient.SignInAsync(client, DemoData.DurandAdmin, DemoData.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Trop de tentatives", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
    }

    [Fact]
    public async Task The_session_cookie_is_httponly_secure_and_samesite_lax()
    {
        var client = PortalClient.Anonymous(portal.Factory);
        var response = await PortalClient.SignInAsync(client, DemoData.BoulangerieUser, DemoData.Password);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ooma.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_in_on_a_browser_that_holds_a_session_issues_a_new_key_and_ends_the_one_presented()
    {
        // The victim's browser holds a session key someone else also holds (planted, or copied from a shared
        // computer). Signing in there must not hand the new person's session to that copy.
        using var factory = new PortalFactory();
        var browser = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieUser);
        var planted = PortalClient.Cookie(browser, PortalClient.SessionCookie);

        // An attack by a crafted post: the sign-in page itself sends a signed-in browser away, so the form's token
        // comes from a page of the session the browser holds.
        var signIn = await PortalClient.PostForgedAsync(browser, "/postes", "/compte/connexion", new Dictionary<string, string>
        {
            ["Email"] = DemoData.BoulangerieAdmin,
            ["Password"] = DemoData.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var fresh = PortalClient.Cookie(browser, PortalClient.SessionCookie);
        Assert.NotEqual(planted, fresh);
        Assert.Contains("Marie Martin", (await (await browser.GetAsync("/mon-compte")).ReadHtmlAsync()).QuerySelector(".app-user")?.TextContent, StringComparison.Ordinal);

        await AssertOpensNothingAsync(factory, planted);
    }

    [Fact]
    public async Task A_browser_whose_session_was_ended_signs_in_again()
    {
        // A session removed on the server (signed out elsewhere, revoked) leaves its cookie in the browser: the next
        // sign-in there must start a session, not renew the removed one.
        using var factory = new PortalFactory();
        var browser = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieUser);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.AuthSessions.ExecuteDeleteAsync();
        }

        var signIn = await PortalClient.SignInAsync(browser, DemoData.BoulangerieUser, DemoData.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/postes")).StatusCode);
    }
}
