using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Layout;

public class ShellTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    /// <summary>Every GET route of the app that is not marked [AllowAnonymous], found from the endpoints, not a hand-kept list.</summary>
    public static TheoryData<string> PrivatePages()
    {
        var data = new TheoryData<string>();
        foreach (var e in PortalRoutes.All)
        {
            var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            // The API answers an anonymous call 401 with problem details, never the sign-in page (AccessMatrixTests).
            if (methods is null || !methods.Contains("GET") || e.Metadata.GetMetadata<IAllowAnonymous>() is not null
                || e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            {
                continue;
            }

            data.Add("/" + e.RoutePattern.RawText!.TrimStart('/').Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PrivatePages))]
    public async Task Every_private_page_sends_an_anonymous_visitor_to_sign_in(string path)
    {
        var response = await PortalClient.Anonymous(portal.Factory).GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://portail.ooma.test/compte/connexion?ReturnUrl=", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_private_pages_include_the_tabs()
    {
        var pages = ((IEnumerable<object[]>)PrivatePages()).Select(row => (string)row[0]).ToList();
        Assert.Contains("/postes", pages);
        Assert.Contains("/portage", pages);
        Assert.Contains("/portage/statut", pages);
        Assert.Contains("/support/portages", pages);
        Assert.DoesNotContain("/compte/connexion", pages);
    }

    [Theory]
    [InlineData(null, "/compte/connexion")]
    [InlineData(null, "/portabilite")]
    [InlineData(null, "/aide")]
    [InlineData(null, "/page-qui-n-existe-pas")]
    [InlineData(DemoData.BoulangerieAdmin, "/")]
    [InlineData(DemoData.BoulangerieAdmin, "/postes")]
    [InlineData(DemoData.BoulangerieAdmin, "/portage")]
    [InlineData(DemoData.BoulangerieUser, "/portage/statut")]
    [InlineData(DemoData.SupportAgent, "/support/portages")]
    public async Task Every_page_carries_the_security_headers(string? user, string path)
    {
        var client = user is null ? PortalClient.Anonymous(portal.Factory) : await PortalClient.SignedInAsync(portal.Factory, user);
        var response = await client.GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DemoData.BoulangerieAdmin, "/")]
    [InlineData(DemoData.BoulangerieAdmin, "/postes")]
    [InlineData(DemoData.BoulangerieAdmin, "/portage")]
    [InlineData(DemoData.BoulangerieAdmin, "/portage/statut")]
    [InlineData(DemoData.SupportAgent, "/support/portages")]
    [InlineData(null, "/compte/connexion")]
    public async Task No_page_has_inline_script_so_the_csp_holds(string? user, string path)
    {
        var client = user is null ? PortalClient.Anonymous(portal.Factory) : await PortalClient.SignedInAsync(portal.Factory, user);
        var doc = await (await client.GetAsync(path)).ReadHtmlAsync();
        Assert.All(doc.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), "inline <script>"));
        Assert.Empty(doc.QuerySelectorAll("[style]"));
        Assert.All(doc.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => Assert.False(a.Name.StartsWith("on", StringComparison.Ordinal), a.Name));
    }

    [Fact]
    public async Task Every_post_form_carries_an_antiforgery_token()
    {
        var client = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieAdmin);
        foreach (var path in new[] { "/", "/postes", "/portage", "/portage/statut" })
        {
            var doc = await (await client.GetAsync(path)).ReadHtmlAsync();
            var forms = doc.QuerySelectorAll("form[method=post]");
            Assert.NotEmpty(forms);
            Assert.All(forms, f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        }
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused()
    {
        var client = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieUser);
        var response = await client.PostAsync("/compte/deconnexion", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/postes")).StatusCode);
    }

    [Fact]
    public async Task The_default_language_is_french_and_english_can_be_chosen_and_persists()
    {
        var client = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieAdmin);
        var fr = await (await client.GetAsync("/postes")).ReadHtmlAsync();
        Assert.Equal("fr", fr.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Statut du portage", fr.QuerySelector("nav")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("0,00 €", fr.QuerySelector("tfoot")?.TextContent, StringComparison.Ordinal);

        var switched = await PortalClient.PostFormAsync(client, "/postes", "/langue", new Dictionary<string, string>
        {
            ["culture"] = "en",
            ["returnUrl"] = "/postes",
        });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/postes", switched.Headers.Location?.OriginalString);

        var en = await (await client.GetAsync("/postes")).ReadHtmlAsync();
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Porting status", en.QuerySelector("nav")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("€0.00", en.QuerySelector("tfoot")?.TextContent, StringComparison.Ordinal);
        var again = await (await client.GetAsync("/portage/statut")).ReadHtmlAsync();
        Assert.Equal("Porting status", again.QuerySelector("h1")?.TextContent.Trim());
    }

    [Fact]
    public async Task Dates_are_written_the_french_way()
    {
        var client = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieAdmin);
        var text = (await (await client.GetAsync("/portage/statut")).ReadHtmlAsync()).QuerySelector("table")!.TextContent;
        Assert.Matches(@"\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) 20\d\d", text);
    }

    [Fact]
    public async Task Health_checks_the_database()
    {
        var response = await PortalClient.Anonymous(portal.Factory).GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_gets_a_french_404_and_an_anonymous_visitor_is_asked_to_sign_in_first()
    {
        var client = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieUser);
        var response = await client.GetAsync("/nulle-part");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page introuvable", (await response.ReadHtmlAsync()).QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.Anonymous(portal.Factory).GetAsync("/nulle-part")).StatusCode);
    }

    [Fact]
    public async Task The_tabs_follow_the_role()
    {
        string Tabs(AngleSharp.Html.Dom.IHtmlDocument d) => string.Join("|", d.QuerySelectorAll("nav .nav-link").Select(a => a.TextContent.Trim()));
        var admin = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieAdmin);
        Assert.Equal("Tableau de bord|Postes|Portage de numéro|Statut du portage|Utilisateurs|Intégrations", Tabs(await (await admin.GetAsync("/")).ReadHtmlAsync()));
        var user = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieUser);
        Assert.Equal("Tableau de bord|Postes|Statut du portage", Tabs(await (await user.GetAsync("/")).ReadHtmlAsync()));
        var support = await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent);
        Assert.Equal("Tableau de bord|Support|Comptes clients|Agents|Journal", Tabs(await (await support.GetAsync("/support/portages")).ReadHtmlAsync()));
    }
}
