using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OomaPorting.Web.Infrastructure.Webhooks;

/// <summary>
/// The <c>Ooma-Signature</c> header of a delivery: <c>t=&lt;Unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, the HMAC
/// keyed with the endpoint's secret (its UTF-8 bytes, <c>whsec_</c> included) over <c>"{t}.{body}"</c>. A receiver
/// recomputes it over the raw body, compares in constant time, and refuses a <c>t</c> outside its tolerance (five
/// minutes advised) so a captured delivery cannot be replayed later. Each attempt is signed afresh with its own time.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Ooma-Signature";

    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The header's value for <paramref name="body"/> sent at <paramref name="at"/>.</summary>
    public static string Sign(string secret, DateTimeOffset at, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Convert.ToHexStringLower(Mac(secret, t, body))}";
    }

    /// <summary>
    /// Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/>, at a time within
    /// <paramref name="tolerance"/> of <paramref name="now"/>. Several <c>v1</c> values may be present (a secret being
    /// rotated): one matching is enough.
    /// </summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        string? t = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var pair = part.Trim().Split('=', 2);
            if (pair.Length != 2)
            {
                continue;
            }

            if (pair[0] == "t")
            {
                t = pair[1];
            }
            else if (pair[0] == "v1" && pair[1].Length == 64)
            {
                try
                {
                    signatures.Add(Convert.FromHexString(pair[1]));
                }
                catch (FormatException)
                {
                    // Not hex: not a signature.
                }
            }
        }

        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253_402_300_799 || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).TotalSeconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Mac(secret, t, body);
        var match = false;
        foreach (var s in signatures)
        {
            match |= CryptographicOperations.FixedTimeEquals(s, expected);
        }

        return match;
    }

    private static byte[] Mac(string secret, string t, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(t + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
