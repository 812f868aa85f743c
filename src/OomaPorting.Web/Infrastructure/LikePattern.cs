namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// A "contains" search as SQL <c>LIKE</c> with its wildcards escaped: the one way the portal searches text. Names are
/// searched in their <c>SearchText</c> form (lower case, no accents) with the typed text in the same form, so SQLite and
/// SQL Server answer alike whatever their collations.
/// </summary>
public static class LikePattern
{
    /// <summary>The escape character to pass with <see cref="Contains"/> to <c>EF.Functions.Like</c>.</summary>
    public const string Escape = "\\";

    /// <summary><c>%text%</c>, with <c>%</c>, <c>_</c> and the escape character in <paramref name="text"/> taken literally.</summary>
    public static string Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Replace(Escape, Escape + Escape, StringComparison.Ordinal).Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";
    }
}
