using System.Security.Cryptography;
using System.Text;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// The secret a mandate's seal is keyed with (HMAC-SHA256). It lives outside the database (configuration or a file of
/// the data folder), so someone who can edit the mandates table can change a text and recompute its plain SHA-256, but
/// cannot recompute its seal. <see cref="Id"/> names the key without revealing it, so a seal says which key made it and
/// an old key can be kept to check old mandates after a rotation.
/// </summary>
public sealed class MandateSealKey
{
    public const int MinimumBytes = 32;

    private readonly byte[] _key;

    public MandateSealKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinimumBytes)
        {
            throw new ArgumentException($"A mandate seal key has at least {MinimumBytes} bytes.", nameof(key));
        }

        _key = [.. key];
        Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ooma-mandate-seal-key-id").Concat(_key).ToArray()))[..16];
    }

    /// <summary>16 hex characters derived from the key (not from which the key can be found).</summary>
    public string Id { get; }

    /// <summary>Lower-case hex HMAC-SHA256 of <paramref name="text"/> in UTF-8.</summary>
    public string Seal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Whether <paramref name="seal"/> is this key's seal of <paramref name="text"/>, compared in constant time.</summary>
    public bool Verifies(string text, string seal)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var expected = Encoding.ASCII.GetBytes(Seal(text));
        var given = Encoding.ASCII.GetBytes(seal);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
