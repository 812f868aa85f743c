using System.ComponentModel.DataAnnotations;
using System.Net;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>
/// The <c>Proxy</c> section: which TLS-terminating proxies the portal believes. Their <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> become the client's address (rate limits, logs) and the request's scheme (HSTS, Secure
/// cookies). A request from any other address keeps its own address and scheme, whatever headers it sends.
/// The loopback addresses are always trusted (a proxy on the same machine).
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxy";

    /// <summary>Addresses of trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies deep the forwarded headers are read (1: one proxy in front of the portal).</summary>
    [Range(1, 10, ErrorMessage = "Proxy:ForwardLimit must be between 1 and 10.")]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownProxies '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"Proxy:KnownNetworks '{network}' is not a network in CIDR notation (10.0.0.0/24).",
                [nameof(KnownNetworks)]);
        }
    }
}
