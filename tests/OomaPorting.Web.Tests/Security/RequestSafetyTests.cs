using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

/// <summary>Every POST demands its antiforgery token; no GET changes anything. Routes are found from the app's endpoints.</summary>
public class RequestSafetyTests(AccessMatrixFixture fx) : IClassFixture<AccessMatrixFixture>
{
    public static TheoryData<string> DiscoveredRoutes(string method) => [.. PortalRoutes.Patterns(method)];

    /// <summary>
    /// The pages' POSTs. The API's take no cookie, so no antiforgery token: a call with a cookie and no key gets 401 and
    /// does nothing (<see cref="AccessMatrixTests.Each_role_gets_the_answer_the_matrix_says"/>).
    /// </summary>
    public static TheoryData<string> PostRoutes() =>
        [.. ((IEnumerable<object[]>)DiscoveredRoutes("POST")).Select(r => (string)r[0]).Where(p => !p.StartsWith("/api/", StringComparison.Ordinal))];

    public static TheoryData<string> GetRoutes() => DiscoveredRoutes("GET");

    private static Role AllowedRole(string method, string pattern) => AccessMatrixTests.Matrix[$"{method} {pattern}"] switch
    {
        Access.Support or Access.SupportAdmin => Role.Support,
        Access.Member or Access.Admin or Access.OwnSession => Role.MartinAdmin,
        Access.SignedIn or Access.DevOnly => Role.MartinUser,
        _ => Role.Anonymous,
    };

    [Theory]
    [MemberData(nameof(PostRoutes))]
    public async Task Every_post_refuses_a_missing_or_a_wrong_antiforgery_token_and_changes_nothing(string pattern)
    {
        var client = fx.Clients[AllowedRole("POST", pattern)];
        var path = await fx.PathAsync("POST", pattern);
        var before = await FingerprintAsync();

        var missing = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["Body"] = "x", ["Reason"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var wrong = await PortalClient.PostWithTokenAsync(client, path, "CfDJ8Forged-" + new string('A', 80), new Dictionary<string, string> { ["Reason"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);

        // A token issued to someone else is not a token for this user either.
        var stranger = await PortalClient.TokenAsync(PortalClient.Anonymous(fx.Factory), "/compte/connexion");
        if (AllowedRole("POST", pattern) != Role.Anonymous)
        {
            var foreign = await PortalClient.PostWithTokenAsync(client, path, stranger, new Dictionary<string, string> { ["Reason"] = "x" });
            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        }

        Assert.Equal(before, await FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task No_get_changes_state_whoever_asks(string pattern)
    {
        var path = await fx.PathAsync("GET", pattern);
        var before = await FingerprintAsync();
        foreach (var client in fx.Clients.Values)
        {
            var response = await client.GetAsync(path);
            Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
        }

        Assert.Equal(before, await FingerprintAsync());
    }

    /// <summary>Everything a user action could change (sign-in session bookkeeping apart).</summary>
    private async Task<string> FingerprintAsync()
    {
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var requests = await db.PortRequests.IgnoreQueryFilters().Select(r => new { r.Id, r.Version, r.Status }).OrderBy(r => r.Id).ToListAsync();
        var users = await db.Users.Select(u => u.Id + u.SecurityStamp + u.PreferredCulture + u.AccessFailedCount).OrderBy(x => x).ToListAsync();
        return string.Join("|",
            string.Join(",", requests.Select(r => $"{r.Id}:{r.Version}:{r.Status}")),
            await db.PortRequestEvents.IgnoreQueryFilters().CountAsync(),
            await db.PortLines.IgnoreQueryFilters().CountAsync(),
            await db.Mandates.IgnoreQueryFilters().CountAsync(),
            await db.PortRequestMessages.IgnoreQueryFilters().CountAsync(),
            await db.OutboxMessages.CountAsync(),
            string.Join(",", await db.AccountNumbers.IgnoreQueryFilters().Select(n => n.Id + ":" + n.AssignedUserId).OrderBy(x => x).ToListAsync()),
            string.Join(",", users));
    }
}
