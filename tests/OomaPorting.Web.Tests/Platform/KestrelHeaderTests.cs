using System.Net;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// What only the real server shows: Kestrel refuses a header value with a non-ASCII character (the in-memory test
/// server does not), so a return address read raw from a query string answered 500 there (issue 36, point 7).
/// </summary>
public class KestrelHeaderTests
{
    [Fact]
    public async Task A_sign_in_posted_with_an_accented_return_address_in_its_query_redirects_instead_of_failing()
    {
        using var portal = new PortalProcess(TestFolders.New("kestrel-"));
        await portal.StartAsync();
        var client = portal.Client(new CookieContainer());
        var token = await PortalProcess.TokenAsync(client, "/compte/connexion");
        var response = await PortalProcess.PostAsync(client, "/compte/connexion?ReturnUrl=" + Uri.EscapeDataString("/portage/statut?x=é"), token,
            [new("Email", DemoData.BoulangerieUser), new("Password", DemoData.Password)]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: " + string.Join('\n', portal.Output.TakeLast(20)));
        Assert.Equal("/portage/statut?x=%C3%A9", response.Headers.Location?.OriginalString);
    }
}
