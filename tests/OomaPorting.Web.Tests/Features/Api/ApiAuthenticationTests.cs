using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Api;

/// <summary>Who gets into the API: a key of the account, active, of an open account. A cookie never does, and a key never opens a page.</summary>
[Collection(ApiPortal.Name)]
public class ApiAuthenticationTests(SharedPortal portal)
{
    private readonly PortalFactory factory = portal.Factory;

    public static TheoryData<string?, string> Refused => new()
    {
        { null, "An API key is required" },
        { "Basic dXNlcjpwYXNz", "must be" },
        { "Bearer ", "not an OomaPorting API key" },
        { "Bearer sk_live_abc", "not an OomaPorting API key" },
        { "Bearer ooma_abcdefghijkm_" + new string('A', 43), "Unknown API key" },
        { "Bearer ooma_abcdefghijkm_" + new string('A', 43) + "' OR 1=1 --", "Unknown API key" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_call_without_a_valid_key_is_refused_with_401_and_a_challenge(string? authorization, string why)
    {
        var client = factory.CreateClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.GetAsync("/api/v1/port-requests");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.StartsWith("Bearer realm=\"OomaPorting API\"", challenge, StringComparison.Ordinal);
        if (authorization is not null)
        {
            Assert.Contains("error=\"invalid_token\"", challenge, StringComparison.Ordinal);
        }

        var problem = await response.JsonAsync();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("Api.Unauthorized", problem.GetProperty("code").GetString());
        Assert.StartsWith("Clé API absente", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains(why, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        if (authorization is not null)
        {
            Assert.Contains(why, challenge.Replace("\"", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_expired_key_a_wrong_secret_and_a_closed_account_are_refused()
    {
        var expired = await ApiClients.KeyAsync(factory, "Boulangerie Martin", expiresAtUtc: DateTime.UtcNow.AddMinutes(-1));
        var response = await ApiClients.For(factory, expired).GetAsync("/api/v1/port-requests");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        // The right prefix with another secret: the hash does not match.
        var good = await ApiClients.KeyAsync(factory, "Boulangerie Martin");
        var forged = good[..^4] + (good[^4..] == "AAAA" ? "BBBB" : "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClients.For(factory, forged).GetAsync("/api/v1/port-requests")).StatusCode);

        var (accountId, _) = await TestPeople.AccountAsync(factory, "Compte fermé API");
        var closed = await ApiClients.KeyAsync(factory, accountId);
        Assert.Equal(HttpStatusCode.OK, (await ApiClients.For(factory, closed).GetAsync("/api/v1/port-requests")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Accounts.IgnoreQueryFilters().SingleAsync(a => a.Id == accountId);
            account.Disable();
            await db.SaveChangesAsync();
        }

        var refused = await ApiClients.For(factory, closed).GetAsync("/api/v1/port-requests");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("closed", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_cookie_alone_never_opens_the_api_and_a_key_never_opens_a_page()
    {
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var withCookie = await admin.GetAsync("/api/v1/port-requests");
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
        Assert.Equal("application/problem+json", withCookie.Content.Headers.ContentType?.MediaType);

        var secret = await ApiClients.KeyAsync(factory, "Boulangerie Martin");
        var api = ApiClients.For(factory, secret);
        foreach (var page in new[] { "/portage/statut", "/postes", "/integrations", "/support/portages" })
        {
            var response = await api.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/compte/connexion", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }

        // And a page's form posted with a key instead of a session: still the sign-in page, nothing done.
        var post = await api.PostAsync("/integrations/cles", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "x", ["Role"] = "ReadWrite" }));
        Assert.True(post.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.BadRequest, post.StatusCode.ToString());
    }

    [Fact]
    public async Task A_read_only_key_reads_but_may_not_write()
    {
        var secret = await ApiClients.KeyAsync(factory, "Boulangerie Martin", ApiKeyRole.Read);
        var api = ApiClients.For(factory, secret);
        var list = await api.GetAsync("/api/v1/port-requests");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var id = (await list.JsonAsync()).GetProperty("items")[0].GetProperty("id").GetString();

        var refused = await api.PostJsonAsync($"/api/v1/port-requests/{id}/messages", new { body = "Bonjour" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("Api.ReadOnlyKey", problem.GetProperty("code").GetString());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(await db.PortRequestMessages.IgnoreQueryFilters().AnyAsync(m => m.PortRequestId == Guid.Parse(id!) && m.Body == "Bonjour"));
    }

    [Fact]
    public async Task A_keys_last_use_is_recorded_at_most_once_a_minute()
    {
        var secret = await ApiClients.KeyAsync(factory, "Cabinet Durand", name: "Dernier usage");
        var prefix = ApiKey.PrefixOf(secret);
        DateTime? LastUse()
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<AppDbContext>().ApiKeys.IgnoreQueryFilters().Single(k => k.Prefix == prefix).LastUsedAtUtc;
        }

        Assert.Null(LastUse());
        var api = ApiClients.For(factory, secret);
        await api.GetAsync("/api/v1/port-requests");
        var first = LastUse();
        Assert.NotNull(first);
        await api.GetAsync("/api/v1/port-requests");
        Assert.Equal(first, LastUse());
    }

    [Fact]
    public async Task The_api_answers_in_english_when_asked()
    {
        var response = await ApiClients.For(factory, null, "en-GB,en;q=0.9").GetAsync("/api/v1/port-requests");
        var problem = await response.JsonAsync();
        Assert.StartsWith("API key missing", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        // The pages keep French whatever the browser says.
        var page = await ApiClients.For(factory, null, "en-GB,en;q=0.9").GetAsync("/compte/connexion");
        Assert.Equal("fr", (await page.ReadHtmlAsync()).DocumentElement.GetAttribute("lang"));
    }
}
