using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

/// <summary>
/// Behind the TLS proxy: a configured proxy's X-Forwarded-Proto and X-Forwarded-For are believed (https, HSTS, Secure
/// cookies, the client's own address for rate limits); the same headers from anyone else change nothing.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private static readonly IPAddress Proxy = IPAddress.Parse("10.0.0.5");
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.9");

    private readonly PortalFactory _portal = new(settings: new Dictionary<string, string?>
    {
        ["Proxy:KnownProxies:0"] = Proxy.ToString(),
        ["SignIn:PermitPerMinute"] = "2",
    });

    public void Dispose() => _portal.Dispose();

    private Task<HttpContext> SendAsync(IPAddress from, string scheme, string method, string path, string? forwardedFor = null) =>
        _portal.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = from;
            c.Request.Scheme = scheme;
            c.Request.Host = new HostString("portail.ooma.test");
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });

    [Fact]
    public async Task A_trusted_proxys_https_gives_hsts_and_secure_cookies()
    {
        _ = _portal.Server;

        var page = await SendAsync(Proxy, "http", "GET", "/compte/connexion", "198.51.100.7");

        Assert.Equal(StatusCodes.Status200OK, page.Response.StatusCode);
        Assert.True(page.Response.Headers.ContainsKey("Strict-Transport-Security"));
        var cookies = page.Response.Headers.SetCookie.ToArray();
        Assert.Contains(cookies, c => c!.StartsWith("ooma.af=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_strangers_forwarded_proto_is_ignored_and_plain_http_goes_to_https()
    {
        _ = _portal.Server;

        var page = await SendAsync(Stranger, "http", "GET", "/compte/connexion", "198.51.100.7");

        Assert.Equal(StatusCodes.Status307TemporaryRedirect, page.Response.StatusCode);
        Assert.Equal("https://portail.ooma.test/compte/connexion", page.Response.Headers.Location.ToString());
        Assert.False(page.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.Equal(0, page.Response.Headers.SetCookie.Count);
    }

    [Fact]
    public async Task The_health_probe_answers_on_plain_http()
    {
        _ = _portal.Server;

        var health = await SendAsync(Stranger, "http", "GET", "/health");

        Assert.Equal(StatusCodes.Status200OK, health.Response.StatusCode);
    }

    [Fact]
    public async Task Behind_the_proxy_sign_in_limits_count_each_client_not_the_proxy()
    {
        _ = _portal.Server;

        // Three clients, one attempt each, all through the proxy: none is refused by a limit of 2 a minute.
        foreach (var client in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            var post = await SendAsync(Proxy, "http", "POST", "/compte/connexion", client);
            Assert.NotEqual(StatusCodes.Status429TooManyRequests, post.Response.StatusCode);
        }

        // One client, three attempts through the proxy: the third is refused.
        var codes = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            codes.Add((await SendAsync(Proxy, "http", "POST", "/compte/connexion", "198.51.100.50")).Response.StatusCode);
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, codes[2]);
    }

    [Fact]
    public async Task A_stranger_cannot_dodge_the_limit_by_inventing_forwarded_addresses()
    {
        _ = _portal.Server;

        var codes = new List<int>();
        foreach (var invented in new[] { "198.51.100.61", "198.51.100.62", "198.51.100.63" })
        {
            codes.Add((await SendAsync(Stranger, "https", "POST", "/compte/connexion", invented)).Response.StatusCode);
        }

        Assert.NotEqual(StatusCodes.Status429TooManyRequests, codes[0]);
        Assert.Equal(StatusCodes.Status429TooManyRequests, codes[2]);
    }
}
