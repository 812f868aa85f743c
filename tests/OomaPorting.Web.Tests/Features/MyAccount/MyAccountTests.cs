using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.MyAccount;

/// <summary>"Mon compte" (issue 13, part 4): change one's password, see one's sessions and end them.</summary>
public class MyAccountTests
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    [Fact]
    public async Task Changing_the_password_asks_the_current_one_and_ends_every_other_session()
    {
        using var factory = new PortalFactory();
        var here = await PortalClient.SignedInAsync(factory, DemoData.DurandUser);
        var elsewhere = await PortalClient.SignedInAsync(factory, DemoData.DurandUser);

        async Task<HttpResponseMessage> ChangeAsync(string current, string next, string confirm) =>
            await PortalClient.PostFormAsync(here, "/mon-compte", "/mon-compte/mot-de-passe", new Dictionary<string, string>
            {
                ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = confirm,
            });

        var wrong = await (await ChangeAsync("pas le bon", "Un secrétariat bien organisé", "Un secrétariat bien organisé")).ReadHtmlAsync();
        Assert.NotNull(wrong.QuerySelector(".error-summary a[href='#CurrentPassword']"));
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.Equal(1, (await users.FindByEmailAsync(DemoData.DurandUser))!.AccessFailedCount); // counts like a wrong sign-in
        }

        Assert.NotNull((await (await ChangeAsync(DemoData.Password, "motdepasse123", "motdepasse123")).ReadHtmlAsync()).QuerySelector(".error-summary a[href='#NewPassword']"));
        Assert.NotNull((await (await ChangeAsync(DemoData.Password, "Un secrétariat bien organisé", "autre")).ReadHtmlAsync()).QuerySelector(".error-summary a[href='#ConfirmPassword']"));
        var stillThere = await elsewhere.GetAsync("/postes");
        Assert.True(stillThere.StatusCode == HttpStatusCode.OK, $"{stillThere.StatusCode} {stillThere.Headers.Location}");

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(DemoData.Password, "Un secrétariat bien organisé", "Un secrétariat bien organisé")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/postes")).StatusCode);
        Assert.Contains("/compte/connexion", (await elsewhere.GetAsync("/postes")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await PortalClient.SignInAsync(PortalClient.Anonymous(factory), DemoData.DurandUser, DemoData.Password)).StatusCode);
        await PortalClient.SignedInAsync(factory, DemoData.DurandUser, "Un secrétariat bien organisé");
    }

    [Fact]
    public async Task The_sessions_list_names_each_browser_and_ends_one_or_all_others()
    {
        using var factory = new PortalFactory();
        var laptop = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var firefox = PortalClient.Anonymous(factory);
        firefox.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.SignInAsync(firefox, DemoData.DurandAdmin, DemoData.Password)).StatusCode);
        var third = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);

        var page = await (await laptop.GetAsync("/mon-compte")).ReadHtmlAsync();
        var rows = page.QuerySelectorAll("tr[data-session]");
        Assert.Equal(3, rows.Length);
        Assert.Single(rows, r => r.GetAttribute("data-current") == "true" && r.TextContent.Contains("Cet appareil", StringComparison.Ordinal));
        var firefoxRow = Assert.Single(rows, r => r.TextContent.Contains("Firefox, Windows", StringComparison.Ordinal));

        // Another user's session id is not found; one's own ends.
        var end = firefoxRow.QuerySelector("form")!.GetAttribute("action")!;
        var stranger = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await PortalClient.PostForgedAsync(stranger, "/mon-compte", end, new Dictionary<string, string>())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await firefox.GetAsync("/postes")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(laptop, "/mon-compte", end, new Dictionary<string, string>())).StatusCode);
        Assert.Contains("/compte/connexion", (await firefox.GetAsync("/postes")).Headers.Location!.OriginalString, StringComparison.Ordinal);

        var all = await PortalClient.PostFormAsync(laptop, "/mon-compte", "/mon-compte/sessions/fin", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Contains("/compte/connexion", (await third.GetAsync("/postes")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var after = await (await laptop.GetAsync("/mon-compte")).ReadHtmlAsync();
        Assert.Single(after.QuerySelectorAll("tr[data-session]"));
        Assert.Contains("Autres sessions fermées : 1.", after.QuerySelector("[data-confirmation]")!.TextContent, StringComparison.Ordinal);
    }
}
