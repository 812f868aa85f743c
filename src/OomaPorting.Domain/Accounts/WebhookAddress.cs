using System.Net;
using System.Net.Sockets;

namespace OomaPorting.Domain.Accounts;

/// <summary>
/// Which network addresses a webhook may be delivered to: public ones only, so that an endpoint cannot make the portal
/// call into its own network (loopback, private ranges, link-local such as a cloud's metadata service, carrier-grade
/// NAT, multicast, documentation and reserved ranges). Checked on an address written in the URL when it is registered,
/// and on every address the host name resolves to when a delivery connects.
/// </summary>
public static class WebhookAddress
{
    private static readonly IPNetwork[] Blocked =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    /// <summary>Whether a delivery may connect to <paramref name="address"/>.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            return IsPublic(address.MapToIPv4());
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();

            // NAT64 (64:ff9b::/96) and the deprecated IPv4-compatible form carry an IPv4 address: judge that one.
            if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            {
                return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
            }

            if (bytes.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && !address.Equals(IPAddress.IPv6Loopback) && !address.Equals(IPAddress.IPv6None))
            {
                return IsPublic(new IPAddress(bytes.AsSpan(12, 4)));
            }
        }

        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 && !Blocked.Any(n => n.Contains(address));
    }

    /// <summary>Whether a host name is one that only ever names a machine of one's own network (<c>localhost</c>, <c>*.local</c>, <c>*.internal</c>).</summary>
    public static bool IsLocalName(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.TrimEnd('.').ToLowerInvariant();
        return name is "localhost" || !name.Contains('.', StringComparison.Ordinal)
            || name.EndsWith(".localhost", StringComparison.Ordinal) || name.EndsWith(".local", StringComparison.Ordinal)
            || name.EndsWith(".internal", StringComparison.Ordinal) || name.EndsWith(".lan", StringComparison.Ordinal)
            || name.EndsWith(".home.arpa", StringComparison.Ordinal);
    }
}
