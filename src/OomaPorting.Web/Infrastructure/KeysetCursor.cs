using System.Globalization;
using System.Text;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// A keyset page's position as one opaque URL-safe token: a rank (the queue's urgency tier, 0 to 2), the sort key of the
/// last row shown and its id. The support queue and the API's lists page with it.
/// </summary>
public static class KeysetCursor
{
    public static string Write(int rank, long key, Guid id) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{rank}_{key}_{id:N}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryRead(string? token, out int rank, out long key, out Guid id)
    {
        rank = 0;
        key = 0;
        id = Guid.Empty;
        if (string.IsNullOrEmpty(token) || token.Length > 120)
        {
            return false;
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split('_');
            return parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out rank)
                && rank is >= 0 and <= 2
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out key)
                && key is >= 0 and < 3155378975999999999
                && Guid.TryParseExact(parts[2], "N", out id);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
