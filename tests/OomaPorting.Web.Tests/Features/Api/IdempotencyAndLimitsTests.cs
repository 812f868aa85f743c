using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Api;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Api;

/// <summary>A retried POST with its Idempotency-Key does nothing twice; a key's calls are limited per minute.</summary>
[Collection(ApiPortal.Name)]
public class IdempotencyAndLimitsTests(SharedPortal portal)
{
    private readonly PortalFactory factory = portal.Factory;

    private static HttpRequestMessage Post(string path, object body, string? key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            message.Headers.Add(IdempotencyAttribute.Header, key);
        }

        return message;
    }

    private int Drafts(Guid accountId)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().PortRequests.IgnoreQueryFilters()
            .Count(r => r.AccountId == accountId && r.Status == PortRequestStatus.Draft);
    }

    [Fact]
    public async Task A_retried_create_returns_the_first_result_and_a_reused_key_with_another_body_is_refused()
    {
        var (accountId, _) = await TestPeople.AccountAsync(factory, "Idempotence SARL");
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, accountId));
        var key = Guid.NewGuid().ToString();
        var first = await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstBody = await first.Content.ReadAsStringAsync();

        var retry = await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, key));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues(IdempotencyAttribute.ReplayedHeader).Single());
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(1, Drafts(accountId));

        var other = await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "mobile" }, key));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("Api.IdempotencyKeyReused", (await other.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(1, Drafts(accountId));

        // Without a key, or with a new one, each call is a new draft; another API key may use the same key.
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, Guid.NewGuid().ToString()))).StatusCode);
        var colleague = ApiClients.For(factory, await ApiClients.KeyAsync(factory, accountId, name: "Autre outil"));
        var theirs = await colleague.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, key));
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains(IdempotencyAttribute.ReplayedHeader));
        Assert.Equal(4, Drafts(accountId));
    }

    /// <summary>
    /// A call the portal died in (issue 35, point 9; issue 37, point 2) no longer locks its key for a day: its claim says
    /// whether its changes were saved (written in the same save), so after a minute a retry runs afresh when nothing was
    /// saved and is told the answer was lost when it was, never doing it twice.
    /// </summary>
    [Fact]
    public async Task A_call_the_portal_died_in_is_taken_over_when_it_saved_nothing_and_reported_lost_when_it_saved()
    {
        var (accountId, _) = await TestPeople.AccountAsync(factory, "Reprise SARL");
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, accountId));
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, key))).StatusCode);
        var kept = await RecordAsync(key);
        Assert.Equal(201, kept.StatusCode);
        Assert.NotNull(kept.SavedAtUtc); // written with the draft

        // A refused call saved nothing, and its kept answer says so.
        var refusedKey = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.BadRequest, (await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed", carrier = new { code = "ZZ" } }, refusedKey))).StatusCode);
        Assert.Null((await RecordAsync(refusedKey)).SavedAtUtc);

        // The portal died mid-call a minute ago, after saving: the retry is told, and nothing is done twice.
        await CrashAsync(key, saved: true, secondsAgo: 90);
        var lost = await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, key));
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Equal("Api.IdempotencyAnswerLost", (await lost.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(1, Drafts(accountId));

        // A call still running (claimed seconds ago) is waited for.
        await CrashAsync(key, saved: false, secondsAgo: 5);
        var running = await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, key));
        Assert.Equal("Api.IdempotencyInProgress", (await running.JsonAsync()).GetProperty("code").GetString());

        // The portal died before saving anything: after a minute the retry takes the key and does the work once.
        await CrashAsync(key, saved: false, secondsAgo: 90);
        var retried = await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, key));
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.False(retried.Headers.Contains(IdempotencyAttribute.ReplayedHeader));
        Assert.Equal(2, Drafts(accountId));
        Assert.Equal(201, (await RecordAsync(key)).StatusCode);
    }

    /// <summary>Leaves <paramref name="key"/>'s record as a process killed mid-call would: claimed, no answer.</summary>
    private async Task CrashAsync(string key, bool saved, int secondsAgo)
    {
        using var scope = factory.Services.CreateScope();
        var at = DateTime.UtcNow.AddSeconds(-secondsAgo);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().IdempotencyRecords.Where(r => r.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.StatusCode, 0).SetProperty(r => r.Body, (byte[]?)null).SetProperty(r => r.CreatedAtUtc, at)
            .SetProperty(r => r.SavedAtUtc, saved ? at : (DateTime?)null));
    }

    private async Task<IdempotencyRecord> RecordAsync(string key)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key);
    }

    [Fact]
    public async Task A_refusal_is_kept_for_the_retry_and_a_malformed_key_is_a_400()
    {
        var (accountId, _) = await TestPeople.AccountAsync(factory, "Idempotence refus SARL");
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, accountId));
        var key = "commande-42";
        var refused = await api.SendAsync(Post("/api/v1/port-requests", new { carrierAccount = new { accountNumber = "", internet = "fibre" } }, key));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await api.SendAsync(Post("/api/v1/port-requests", new { carrierAccount = new { accountNumber = "", internet = "fibre" } }, key));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues(IdempotencyAttribute.ReplayedHeader).Single());
        Assert.Equal(0, Drafts(accountId));

        foreach (var bad in new[] { new string('k', 256), "clé-é", "a b" })
        {
            var message = Post("/api/v1/port-requests", new { }, null);
            message.Headers.TryAddWithoutValidation(IdempotencyAttribute.Header, bad);
            var response = await api.SendAsync(message);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("Api.IdempotencyKey", (await response.JsonAsync()).GetProperty("code").GetString());
        }

        Assert.Equal(0, Drafts(accountId));
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_make_one_draft()
    {
        var (accountId, _) = await TestPeople.AccountAsync(factory, "Idempotence concurrente SARL");
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, accountId));
        var key = Guid.NewGuid().ToString();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, key))));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, a.StatusCode.ToString()));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, Drafts(accountId));
    }

    [Fact]
    public async Task Old_answers_are_purged_after_a_day()
    {
        var (accountId, _) = await TestPeople.AccountAsync(factory, "Idempotence purge SARL");
        var api = ApiClients.For(factory, await ApiClients.KeyAsync(factory, accountId));
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, key))).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.IdempotencyRecords.Where(r => r.Key == key).ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAtUtc, DateTime.UtcNow.AddHours(-25)));
        }

        Assert.True(await factory.Services.GetRequiredService<IdempotencyPurge>().PurgeAsync(CancellationToken.None) >= 1);
        var again = await api.SendAsync(Post("/api/v1/port-requests", new { numberType = "fixed" }, key));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.False(again.Headers.Contains(IdempotencyAttribute.ReplayedHeader));
        Assert.Equal(2, Drafts(accountId));
    }

    [Fact]
    public async Task A_key_past_its_calls_per_minute_gets_429_with_retry_after()
    {
        using var limited = new PortalFactory(settings: new Dictionary<string, string?> { ["Api:PermitPerMinute"] = "3" });
        var api = ApiClients.For(limited, await ApiClients.KeyAsync(limited, "Boulangerie Martin", Domain.Accounts.ApiKeyRole.Read));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/port-requests")).StatusCode);
        }

        var refused = await api.GetAsync("/api/v1/port-requests");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("Api.TooManyRequests", (await refused.JsonAsync()).GetProperty("code").GetString());

        // Another key of the same account has its own allowance.
        var other = ApiClients.For(limited, await ApiClients.KeyAsync(limited, "Boulangerie Martin", Domain.Accounts.ApiKeyRole.Read));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/port-requests")).StatusCode);
    }

    /// <summary>A key with the real one's public prefix and a wrong secret: what anyone who saw the prefix can forge.</summary>
    private static string Forged(string secret, int n) => secret[..^8] + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Forged_keys_sharing_a_real_keys_prefix_never_spend_its_allowance()
    {
        using var limited = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Api:PermitPerMinute"] = "3", ["Api:FailedAuthentications:PermitPerMinute"] = "1000",
        });
        var secret = await ApiClients.KeyAsync(limited, "Boulangerie Martin", Domain.Accounts.ApiKeyRole.Read);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClients.For(limited, Forged(secret, i)).GetAsync("/api/v1/port-requests")).StatusCode);
        }

        var real = ApiClients.For(limited, secret);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await real.GetAsync("/api/v1/port-requests")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await real.GetAsync("/api/v1/port-requests")).StatusCode);
    }

    [Fact]
    public async Task Failed_authentications_are_limited_per_client_address_with_retry_after()
    {
        using var limited = new PortalFactory(settings: new Dictionary<string, string?> { ["Api:FailedAuthentications:PermitPerMinute"] = "3" });
        var secret = await ApiClients.KeyAsync(limited, "Boulangerie Martin", Domain.Accounts.ApiKeyRole.Read);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await ApiClients.For(limited, Forged(secret, i)).GetAsync("/api/v1/port-requests")).StatusCode);
        }

        var refused = await ApiClients.For(limited, Forged(secret, 99)).GetAsync("/api/v1/port-requests");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("Api.TooManyFailedAuthentications", (await refused.JsonAsync()).GetProperty("code").GetString());
    }
}
