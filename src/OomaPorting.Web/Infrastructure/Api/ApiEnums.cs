namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>Enum values as the API writes them (camelCase names, never numbers) read back from a query string.</summary>
public static class ApiEnums
{
    /// <summary>Reads repeated and comma-separated names (<c>submitted,focConfirmed</c>); any unknown name or a number fails.</summary>
    public static bool TryParseList<TEnum>(IEnumerable<string>? values, out IReadOnlyList<TEnum> parsed)
        where TEnum : struct, Enum
    {
        var list = new List<TEnum>();
        parsed = list;
        foreach (var name in (values ?? []).SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (name.Length > 40 || !char.IsAsciiLetter(name[0]) || !Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) || !Enum.IsDefined(value))
            {
                return false;
            }

            list.Add(value);
        }

        return list.Count <= 20;
    }
}
