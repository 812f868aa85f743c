using System.Net;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

/// <summary>
/// Every redirect to a return address the user supplied: local only, never a 500 for a character the header cannot
/// carry, never a hidden character passed on (issue 14, point 17).
/// </summary>
public class RedirectTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    public static TheoryData<string, string> ReturnUrls => new()
    {
        { "/é", "/%C3%A9" },
        { "/😀", "/%F0%9F%98%80" },
        { "/portage/statut?x=é", "/portage/statut?x=%C3%A9" },
        { "/a\u202Eb", "/" },
        { "/a\u200Bb", "/" },
        { "//evil.example/x", "/" },
        { "https://evil.example/", "/" },
        { "/\\evil.example", "/" },
        { "/postes", "/postes" },
    };

    [Theory]
    [MemberData(nameof(ReturnUrls))]
    public async Task The_language_switch_goes_back_only_to_a_safe_local_address(string returnUrl, string expected)
    {
        var client = PortalClient.Anonymous(portal.Factory);
        var response = await PortalClient.PostForgedAsync(client, "/compte/connexion", "/langue",
            new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);

        // Like every cookie outside Development, the language cookie is Secure (issue 14, point 19).
        var culture = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));
        Assert.Contains("secure", culture, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_sign_in_link_with_an_accented_return_address_lands_on_it_not_on_an_error_page()
    {
        var client = PortalClient.Anonymous(portal.Factory);
        // The link a person follows: the sign-in page with the address in its query; they type and submit its form.
        var response = await PortalClient.PostFormAsync(client, "/compte/connexion?ReturnUrl=" + Uri.EscapeDataString("/portage/statut?x=é"),
            "/compte/connexion", new Dictionary<string, string> { ["Email"] = DemoData.BoulangerieUser, ["Password"] = DemoData.Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/portage/statut?x=%C3%A9", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(ReturnUrls))]
    public async Task A_sign_in_posted_with_the_return_address_in_its_query_goes_only_to_a_safe_local_address(string returnUrl, string expected)
    {
        // An attack or an odd link: the address rides in the query of the post itself (the cookie handler reads it there).
        var client = PortalClient.Anonymous(portal.Factory);
        var response = await PortalClient.PostForgedAsync(client, "/compte/connexion", "/compte/connexion?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            new Dictionary<string, string> { ["Email"] = DemoData.BoulangerieUser, ["Password"] = DemoData.Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }
}
