using System.Net;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// Every file a page's head names is served, and so is <c>/favicon.ico</c>, which browsers and feed readers ask for on
/// their own: a walk found it 404 on every page view (64 of 129 not-found answers) (issue 36, point 18).
/// </summary>
public class StaticAssetTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Theory]
    [InlineData("/compte/connexion")]
    [InlineData("/portabilite")]
    public async Task Every_file_the_page_names_is_served_and_so_is_the_favicon(string path)
    {
        var client = PortalClient.Anonymous(portal.Factory);
        var page = await (await client.GetAsync(path)).ReadHtmlAsync();
        var files = page.QuerySelectorAll("link[href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Append("/favicon.ico")
            .ToList();

        Assert.Contains(files, f => f.StartsWith("/favicon.ico?v=", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var response = await client.GetAsync(file);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{file}: {(int)response.StatusCode}");
        }

        var icon = await client.GetAsync("/favicon.ico");
        Assert.Equal("image/x-icon", icon.Content.Headers.ContentType?.MediaType);
        var bytes = await icon.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, bytes[..4]); // an icon file's header
    }
}
