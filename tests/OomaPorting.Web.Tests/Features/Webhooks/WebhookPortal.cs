using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Webhooks;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Webhooks;

/// <summary>
/// One portal for the webhook tests that deliver to a receiver on the loopback (local targets allowed, as on a
/// developer's machine), its clock on 1 December 2026, the dispatcher driven by the tests, retries due at once.
/// </summary>
public sealed class WebhookPortal : IDisposable
{
    public FakeTimeProvider Clock { get; } = new(ClockedPortal.Start);

    public PortalFactory Factory { get; }

    public WebhookPortal() => Factory = Make(Clock, allowLocal: true);

    public static PortalFactory Make(FakeTimeProvider clock, bool allowLocal) => new(settings: new Dictionary<string, string?>
    {
        ["Webhooks:DispatcherEnabled"] = "false",
        ["Webhooks:AllowLocalTargets"] = allowLocal ? "true" : "false",
        ["Webhooks:RetryBaseSeconds"] = "0",
        ["Webhooks:TimeoutSeconds"] = "2",
    })
    { Clock = clock };

    public void Dispose() => Factory.Dispose();
}

/// <summary>What the webhook tests share: registering through the page, running the dispatcher, reading the log.</summary>
public static partial class Hooks
{
    /// <summary>Registers <paramref name="url"/> for <paramref name="events"/> through the page; the id and the secret shown once.</summary>
    public static async Task<(Guid Id, string Secret)> RegisterAsync(HttpClient admin, string url, params string[] events)
    {
        var response = await PostAsync(admin, "/integrations/webhooks", "/integrations/webhooks", [new("Url", url), .. events.Select(e => new KeyValuePair<string, string>("Events", e))]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var secret = Secret().Match(html);
        Assert.True(secret.Success, "The secret is not on the answer.");
        var id = Guid.Parse(Id().Match(html).Groups[1].Value);
        return (id, WebUtility.HtmlDecode(secret.Groups[1].Value));
    }

    /// <summary>A form posted with repeated fields (checkboxes), with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var token = await PortalClient.TokenAsync(client, formPage);
        return await client.PostAsync(action, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    /// <summary>Runs the dispatcher's pass until nothing is due (at most <paramref name="rounds"/> batches).</summary>
    public static async Task DrainAsync(PortalFactory factory, int rounds = 50)
    {
        var processor = factory.Services.GetRequiredService<WebhookProcessor>();
        await processor.TakeBackFromEndedAsync(CancellationToken.None); // once per pass, as the dispatcher does
        for (var i = 0; i < rounds && await processor.DispatchDueAsync(CancellationToken.None) > 0; i++)
        {
        }
    }

    /// <summary>Removes every endpoint of the account named (and their deliveries): a test starts with none.</summary>
    public static async Task ResetAsync(PortalFactory factory, string company)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var accountId = await db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == company).Select(a => a.Id).SingleAsync();
        await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.AccountId == accountId).ExecuteDeleteAsync();
        await db.WebhookEndpoints.IgnoreQueryFilters().Where(e => e.AccountId == accountId).ExecuteDeleteAsync();
    }

    public static List<WebhookDelivery> Deliveries(PortalFactory factory, Guid endpointId)
    {
        using var scope = factory.Services.CreateScope();
        return [.. scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookDeliveries.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.EndpointId == endpointId).OrderBy(d => d.CreatedAtUtc).ThenBy(d => d.Sequence)];
    }

    [GeneratedRegex("value=\"(whsec_[^\"]+)\"")]
    private static partial Regex Secret();

    [GeneratedRegex("href=\"/integrations/webhooks/([0-9a-f-]{36})\"")]
    private static partial Regex Id();
}
