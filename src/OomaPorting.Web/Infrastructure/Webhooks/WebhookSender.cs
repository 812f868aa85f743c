using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Infrastructure.Webhooks;

/// <summary>
/// POSTs one delivery to its endpoint, signed, within <see cref="WebhookOptions.TimeoutSeconds"/>, and says how it
/// went; never throws for the endpoint's faults. The connection is made by <see cref="ConnectAsync"/>: the host name is
/// resolved here and every address it gives must be public (<see cref="WebhookAddress"/>), so a name that points, or
/// later re-points, at the portal's own network is refused at the moment of connecting. No proxy, no redirect
/// followed, no cookie, and the answer's body is never read.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string ClientName = "webhooks";

    /// <summary>How one attempt ended.</summary>
    /// <param name="Failure">Null on a 2xx; a <see cref="WebhookFailure"/> code otherwise.</param>
    public sealed record Outcome(int? StatusCode, int DurationMs, string? Failure);

    public async Task<Outcome> SendAsync(string url, string secret, WebhookDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation(WebhookSignature.Header, WebhookSignature.Sign(secret, time.GetUtcNow(), body));
        request.Headers.TryAddWithoutValidation("Ooma-Event-Id", delivery.EventId.ToString());
        request.Headers.TryAddWithoutValidation("Ooma-Event-Type", delivery.EventType);
        request.Headers.TryAddWithoutValidation("Ooma-Delivery-Id", delivery.Id.ToString());
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("OomaPorting-Webhooks", "1.0"));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var code = (int)response.StatusCode;
            return new Outcome(code, Elapsed(watch), code is >= 200 and < 300 ? null : WebhookFailure.Status);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Outcome(null, Elapsed(watch), WebhookFailure.Timeout);
        }
        catch (HttpRequestException e) when (e.InnerException is RefusedAddressException || e.InnerException?.InnerException is RefusedAddressException)
        {
            return new Outcome(null, Elapsed(watch), WebhookFailure.Address);
        }
        catch (HttpRequestException)
        {
            return new Outcome(null, Elapsed(watch), WebhookFailure.Connection);
        }
    }

    /// <summary>The handler of the <see cref="ClientName"/> client.</summary>
    public static SocketsHttpHandler Handler(bool allowLocal) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowLocal, ct),
    };

    /// <summary>Resolves, checks every address, then connects to one of them (never to a name resolved again elsewhere).</summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowLocal, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, ct);
        if (addresses.Length == 0 || (!allowLocal && !addresses.All(WebhookAddress.IsPublic)))
        {
            throw new RefusedAddressException(endpoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    /// <summary>The host resolved to an address deliveries may not reach.</summary>
    public sealed class RefusedAddressException(string host) : IOException($"The webhook host {host} resolves to an address the portal does not call.");
}
