using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>API keys made straight through the domain (as the "Intégrations" page does) and clients that call the API with them.</summary>
public static class ApiClients
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A new key of the account named <paramref name="company"/>; its whole secret (shown once on the page).</summary>
    public static async Task<string> KeyAsync(PortalFactory factory, string company, ApiKeyRole role = ApiKeyRole.ReadWrite, string name = "ERP",
        DateTime? expiresAtUtc = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var accountId = await db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == company).Select(a => a.Id).SingleAsync();
        return await KeyAsync(factory, accountId, role, name, expiresAtUtc);
    }

    public static async Task<string> KeyAsync(PortalFactory factory, Guid accountId, ApiKeyRole role = ApiKeyRole.ReadWrite, string name = "ERP",
        DateTime? expiresAtUtc = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var admin = new Actor("test-admin", ActorRole.AccountAdmin, "Admin de test");
        var expiresOn = expiresAtUtc is { } e ? DateOnly.FromDateTime(e) : (DateOnly?)null;
        var (key, secret) = ApiKey.Issue(accountId, name, role, expiresOn is { } d && d > DateOnly.FromDateTime(now) ? d : null, expiresAtUtc, admin, 0,
            DateOnly.FromDateTime(now), now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        if (expiresAtUtc is { } past && past <= now)
        {
            // An expired key: its expiry is set in the past directly (the domain refuses to make one).
            await db.ApiKeys.IgnoreQueryFilters().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.ExpiresAtUtc, past));
        }

        return secret;
    }

    /// <summary>A client that sends <paramref name="secret"/> as its bearer token, and no cookie.</summary>
    public static HttpClient For(PortalFactory factory, string? secret, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        if (secret is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs <paramref name="body"/> as JSON (or a raw string as it is, for malformed bodies).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body)
    {
        ArgumentNullException.ThrowIfNull(client);
        HttpContent content = body is string raw
            ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json")
            : JsonContent.Create(body, options: Json);
        return client.PostAsync(path, content);
    }
}
