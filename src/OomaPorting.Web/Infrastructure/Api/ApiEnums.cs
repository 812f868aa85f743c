namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>Enum values as the API writes them (camelCase names, never numbers) read back from a query string.</summary>
public static class ApiEnums
{
    /// <summary>The most values a list filter takes (a status filter names at most the 7 statuses anyway).</summary>
    public const int MaxListValues = 20;

    /// <summary>
    /// Reads repeated and comma-separated names (<c>submitted,focConfirmed</c>): null when they are all known names, else
    /// the refusal's code suffix: <c>Unknown</c> (an unknown name or a number) or <c>TooMany</c> (more than <see cref="MaxListValues"/>).
    /// </summary>
    public static string? ParseList<TEnum>(IEnumerable<string>? values, out IReadOnlyList<TEnum> parsed)
        where TEnum : struct, Enum
    {
        var list = new List<TEnum>();
        parsed = list;
        foreach (var name in (values ?? []).SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (list.Count == MaxListValues)
            {
                return "TooMany";
            }

            if (name.Length > 40 || !char.IsAsciiLetter(name[0]) || !Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                return "Unknown";
            }

            list.Add(value);
        }

        return null;
    }
}
