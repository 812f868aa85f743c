using System.Text;

namespace OomaPorting.Web.Infrastructure.Forms;

/// <summary>
/// A return address the portal may redirect to: local, without control or invisible characters, and written in ASCII
/// (anything else percent-encoded as UTF-8), so a crafted link can neither send a user elsewhere nor make the
/// redirect itself fail (a raw "é" in a <c>Location</c> header is refused by the server: a 500).
/// </summary>
public static class LocalUrl
{
    /// <summary>The URL made safe to redirect to, or <c>/</c> when it is not a local one.</summary>
    public static string SafeOrHome(string? url, Func<string?, bool> isLocal)
    {
        ArgumentNullException.ThrowIfNull(isLocal);
        if (string.IsNullOrEmpty(url) || !isLocal(url) || DomainText.HasHiddenCharacters(url))
        {
            return "/";
        }

        var ascii = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                ascii.Append((char)rune.Value);
                continue;
            }

            var written = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..written])
            {
                ascii.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return ascii.ToString();
    }
}
