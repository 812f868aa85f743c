using System.Net;
using System.Net.Sockets;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Infrastructure.Webhooks;

/// <summary>
/// Resolves a webhook address's host name when it is registered, so that a name pointing into a network (a private,
/// loopback or link-local address) is refused at the field at once instead of failing at every delivery. A name that
/// does not resolve now (not yet published, no DNS answer within <see cref="Patience"/>) is accepted: each delivery
/// resolves it again and connects only to public addresses (<see cref="WebhookSender.ConnectAsync"/>).
/// </summary>
public class WebhookHostResolver
{
    /// <summary>How long a registration waits for the DNS.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>False when the URL's host name resolves now to an address a delivery may not connect to.</summary>
    public async Task<bool> PointsOutsideAsync(string? url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri))
        {
            return true; // the format's own rule answers
        }

        var host = uri.IdnHost.Trim('[', ']').TrimEnd('.');
        if (IPAddress.TryParse(host, out _))
        {
            return true; // an address written out is judged by WebhookEndpoint.CheckUrl
        }

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(Patience);
        try
        {
            var addresses = await ResolveAsync(host, patience.Token);
            return addresses.All(WebhookAddress.IsPublic);
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return true;
        }
    }

    /// <summary>The host's addresses, as the system's resolver gives them.</summary>
    protected virtual Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
