using System.Globalization;

namespace OomaPorting.Web.Infrastructure.Localization;

/// <summary>
/// The one way a count is put into words: "1 numéro porté", "0 numéro", "3 numéros portés", "1 number", "0 numbers".
/// A counted text is two resources, <c>Key.one</c> and <c>Key.other</c> ({0} is the count, formatted for the reader),
/// and the form is chosen by the reader's language's plural rule (Unicode CLDR): French uses "one" for 0 and 1,
/// English for 1 only.
/// </summary>
/// <remarks>
/// An ICU MessageFormat library would carry these rules for every language; none restores for this project (see
/// ADR-007), and the portal speaks two languages, so their two CLDR rules live here, each tested.
/// </remarks>
public static class PluralText
{
    public const string One = "one";
    public const string Other = "other";

    /// <summary>The CLDR plural category of a whole <paramref name="count"/> in <paramref name="culture"/>.</summary>
    public static string Category(long count, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName switch
        {
            "fr" => count is 0 or 1 ? One : Other,
            _ => count == 1 ? One : Other,
        };
    }

    /// <summary>The counted text in the current UI culture; {0} is the count, {1}… are <paramref name="arguments"/>.</summary>
    public static string Plural(this IStringLocalizer text, string key, long count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        var culture = CultureInfo.CurrentUICulture;
        return text[$"{key}.{Category(count, culture)}", [count.ToString("N0", CultureInfo.CurrentCulture), .. arguments]].Value;
    }
}
