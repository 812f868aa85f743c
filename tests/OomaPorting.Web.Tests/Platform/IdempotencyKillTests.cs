using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// API calls a portal was handling when it was killed (issue 35, point 9): the documented retry with the same
/// <c>Idempotency-Key</c>, on the restarted portal, is answered at once (never "still running", which it said for a
/// minute, and before that for a day), and every key makes exactly one draft: the retry replays a kept answer, runs
/// afresh when the killed call saved nothing, or says the answer was lost when it had saved.
/// </summary>
public class IdempotencyKillTests
{
    private const string Company = "Cabinet Durand";

    [SqliteFact]
    public async Task Calls_a_killed_portal_was_handling_are_answered_at_once_on_retry_and_each_key_makes_exactly_one_draft()
    {
        var folder = TestFolders.New("api-kill-");
        var settings = new Dictionary<string, string?> { ["Api:PermitPerMinute"] = "100000", ["Email:DispatcherEnabled"] = "false" };
        var keys = Enumerable.Range(0, 30).Select(_ => Guid.NewGuid().ToString()).ToList();
        var acknowledged = new ConcurrentDictionary<string, Guid>();
        string secret;
        Guid accountId;
        int draftsBefore;
        using (var doomed = new PortalProcess(folder, settings))
        {
            await doomed.StartAsync();
            (secret, accountId) = await KeyAsync(folder);
            draftsBefore = await DraftsAsync(folder, accountId);
            using var api = Api(doomed, secret);
            var answered = 0;
            var calls = keys.Select(async key =>
            {
                try
                {
                    var created = await CreateAsync(api, key);
                    if (created.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged[key] = IdOf(created);
                    }

                    if (Interlocked.Increment(ref answered) == 3)
                    {
                        doomed.Kill(); // the third answer: the others are in flight or not yet handled
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // the process died under it
                }
            }).ToList();
            await Task.WhenAll(calls);
        }

        Assert.True(acknowledged.Count < keys.Count, "every call was answered before the kill: nothing was tested");
        using var restarted = new PortalProcess(folder, settings);
        await restarted.StartAsync();
        using var retry = Api(restarted, secret);
        var ids = new HashSet<Guid>();
        var lost = 0;
        foreach (var key in keys)
        {
            var again = await CreateAsync(retry, key);
            var body = await again.Content.ReadAsStringAsync();
            if (again.StatusCode == HttpStatusCode.Created)
            {
                var id = IdOf(again);
                Assert.True(!acknowledged.TryGetValue(key, out var first) || first == id, $"key {key}: acknowledged as {first}, retried as {id}");
                ids.Add(id);
            }
            else
            {
                Assert.True(again.StatusCode == HttpStatusCode.Conflict, $"key {key}: {(int)again.StatusCode} {body}");
                Assert.Equal("Api.IdempotencyAnswerLost", JsonDocument.Parse(body).RootElement.GetProperty("code").GetString());
                Assert.False(acknowledged.ContainsKey(key), $"key {key} was acknowledged, its answer kept, yet reported lost");
                lost++;
            }
        }

        // One draft per key: those whose answer is known, and those whose answer was lost after their save.
        Assert.Equal(ids.Count + lost, await DraftsAsync(folder, accountId) - draftsBefore);
        Assert.Equal(keys.Count, ids.Count + lost);
    }

    private static HttpClient Api(PortalProcess portal, string secret)
    {
        var client = portal.Client(new CookieContainer());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient api, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/port-requests")
        {
            Content = new StringContent("{\"numberType\":\"fixed\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return api.SendAsync(request);
    }

    private static Guid IdOf(HttpResponseMessage created) => Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);

    /// <summary>An API key of the account, written by a third writer as an admin's page would.</summary>
    private static async Task<(string Secret, Guid AccountId)> KeyAsync(string folder)
    {
        await using var db = TwoInstancesTests.Database(folder);
        var accountId = await db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == Company).Select(a => a.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var (key, secret) = ApiKey.Issue(accountId, "ERP", ApiKeyRole.ReadWrite, null, null, new Actor("test-admin", ActorRole.AccountAdmin, "Admin de test"), 0,
            DateOnly.FromDateTime(now), now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return (secret, accountId);
    }

    private static async Task<int> DraftsAsync(string folder, Guid accountId)
    {
        await using var db = TwoInstancesTests.Database(folder);
        return await db.PortRequests.IgnoreQueryFilters().CountAsync(r => r.AccountId == accountId);
    }
}
