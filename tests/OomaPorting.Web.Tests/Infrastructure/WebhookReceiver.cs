using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// A real HTTP server on a loopback port (Kestrel), standing for an integrator's system: it keeps every POST it gets
/// (raw body and headers) and answers what the test says, after as long as the test says.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private int calls;

    private WebhookReceiver(WebApplication app) => this.app = app;

    /// <summary>What was received, in arrival order.</summary>
    public ConcurrentQueue<Received> Calls { get; } = new();

    /// <summary>Answers the n-th call (1-based): a status code, after any delay. 200 at once by default.</summary>
    public Func<int, CancellationToken, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(200);

    public string Url { get; private set; } = string.Empty;

    public sealed record Received(string Body, string? Signature, string? EventId, string? EventType, string? ContentType)
    {
        public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Body);

        /// <summary>Checks the signature as an integrator would, with nothing of the portal's code: HMAC-SHA256 of "t.body", hex, constant-time.</summary>
        public bool SignedWith(string secret, DateTimeOffset now, TimeSpan tolerance)
        {
            var parts = (Signature ?? string.Empty).Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1)
                || Math.Abs(now.ToUnixTimeSeconds() - long.Parse(t, CultureInfo.InvariantCulture)) > tolerance.TotalSeconds)
            {
                return false;
            }

            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + Body));
            return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/{**rest}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var n = Interlocked.Increment(ref receiver.calls);
            receiver.Calls.Enqueue(new Received(body, context.Request.Headers["Ooma-Signature"], context.Request.Headers["Ooma-Event-Id"],
                context.Request.Headers["Ooma-Event-Type"], context.Request.ContentType));
            int status;
            try
            {
                status = await receiver.Answer(n, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            context.Response.StatusCode = status;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks/ooma";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
