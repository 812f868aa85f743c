using System.Net;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

/// <summary>
/// HEAD answers as GET would, without a body; other methods are 405 for everyone; none turns into a redirect to the
/// sign-in page (whose ReturnUrl used to nest one level deeper at each hop) (issue 14, point 20).
/// </summary>
public class HttpMethodTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    public static TheoryData<string> Pages => ["/", "/compte/connexion", "/portabilite", "/portage/statut", "/postes", "/support/portages", "/support/tableau-de-bord",
        "/css/site.css", "/nulle-part"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Head_answers_as_get_without_a_body_signed_out(string path)
    {
        var client = PortalClient.Anonymous(portal.Factory);

        var get = await client.GetAsync(path);
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Headers.Location, head.Headers.Location);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("ReturnUrl=%2Fcompte", head.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Head_answers_as_get_signed_in()
    {
        var client = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieAdmin);

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/portage/statut"));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("OPTIONS", "/")]
    [InlineData("PUT", "/portage/statut")]
    [InlineData("DELETE", "/compte/connexion")]
    [InlineData("TRACE", "/portabilite")]
    [InlineData("PATCH", "/postes")]
    [InlineData("PROPFIND", "/nulle-part")]
    public async Task Other_methods_are_405_for_everyone(string method, string path)
    {
        foreach (var client in new[] { PortalClient.Anonymous(portal.Factory), await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent) })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.Null(response.Headers.Location);
            Assert.Equal(["GET", "HEAD", "POST"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        }
    }
}
