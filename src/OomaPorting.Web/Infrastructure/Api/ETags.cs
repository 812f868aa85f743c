using System.Globalization;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>A port request's version as an HTTP entity tag (<c>"7"</c>): what <c>If-Match</c> sends back.</summary>
public static class ETags
{
    public static string Of(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>Reads <c>"7"</c> (or <c>W/"7"</c>); anything else, several tags included, is not a version.</summary>
    public static bool TryParse(string? header, out int version)
    {
        version = 0;
        var value = header?.Trim() ?? string.Empty;
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Length >= 3 && value[0] == '"' && value[^1] == '"'
            && int.TryParse(value.AsSpan(1, value.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out version);
    }
}
