using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

/// <summary>
/// What a load balancer asks: live (the process answers) and ready (database reachable, migrations applied, e-mails
/// leaving), anonymous and never cached; an outbox that backs up or an e-mail that waits too long takes the instance
/// out of rotation without killing it.
/// </summary>
public class HealthTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(PortalFactory factory, string path)
    {
        var response = await PortalClient.Anonymous(factory).GetAsync(path);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body, response);
    }

    private static async Task QueueAsync(PortalFactory factory, int count, DateTime createdAtUtc)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        for (var i = 0; i < count; i++)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.NewGuid(),
                CreatedAtUtc = createdAtUtc,
                Kind = "Test",
                Recipient = $"client{i}@example.test",
                Subject = $"Message {i}",
                TextBody = "Bonjour",
                HtmlBody = "<p>Bonjour</p>",
                NextAttemptAtUtc = createdAtUtc,
            });
        }

        await db.SaveChangesAsync();
    }

    private static async Task ClearOutboxAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.ExecuteDeleteAsync();
    }

    [Fact]
    public async Task Live_and_ready_answer_anonymously_and_ready_fails_while_e_mails_back_up_or_wait_too_long()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Email:DispatcherEnabled"] = "false",
            ["Health:OutboxBacklogLimit"] = "3",
            ["Health:OutboxOldestMinutes"] = "30",
        }) { Clock = clock };
        await ClearOutboxAsync(factory);

        var live = await GetAsync(factory, "/health/live");
        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal("Healthy", live.Body.GetProperty("status").GetString());
        Assert.Empty(live.Body.GetProperty("checks").EnumerateObject());
        Assert.True(live.Response.Headers.CacheControl?.NoStore, "A health answer must never be cached.");
        foreach (var path in new[] { "/health/ready", "/health" })
        {
            var ready = await GetAsync(factory, path);
            Assert.Equal(HttpStatusCode.OK, ready.Status);
            Assert.Equal(["database", "migrations", "outbox", "storage"], ready.Body.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
            Assert.All(ready.Body.GetProperty("checks").EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
        }

        // Three e-mails waiting: at the limit, not ready; live all the same.
        var now = clock.GetUtcNow().UtcDateTime;
        await QueueAsync(factory, 3, now);
        var backedUp = await GetAsync(factory, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, backedUp.Status);
        Assert.Equal("Unhealthy", backedUp.Body.GetProperty("checks").GetProperty("outbox").GetProperty("status").GetString());
        Assert.Equal("Healthy", backedUp.Body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/live")).Status);

        // One e-mail, but waiting for 31 minutes: not ready either.
        await ClearOutboxAsync(factory);
        await QueueAsync(factory, 1, now);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(factory, "/health/ready")).Status);
        clock.Advance(TimeSpan.FromMinutes(31));
        var stuck = await GetAsync(factory, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stuck.Status);
        Assert.Contains("31 minutes", stuck.Body.GetProperty("checks").GetProperty("outbox").GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_health_limit_out_of_range_stops_the_portal_at_start_with_its_key()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Health:OutboxBacklogLimit"] = "0" });
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Health:OutboxBacklogLimit", error.ToString(), StringComparison.Ordinal);
    }
}
