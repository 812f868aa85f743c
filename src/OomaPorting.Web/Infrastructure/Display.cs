using System.Globalization;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Dates and money in the reader's culture: <c>3 décembre 2026</c>, <c>1er décembre 2026</c> (French writes the first
/// of the month as an ordinal), <c>lundi 30 novembre</c>, <c>9,95 €</c>.
/// </summary>
public static class Display
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Date(DateOnly date) => Format(date, "d MMMM yyyy");

    /// <summary>The day as a person says it, without the year: <c>lundi 30 novembre</c>, <c>Monday 30 November</c>.</summary>
    public static string Day(DateOnly date) => Format(date, "dddd d MMMM");

    /// <summary>A date in <paramref name="culture"/>, whatever the thread's culture (the PDF and calendar files).</summary>
    public static string Date(DateOnly date, CultureInfo culture) => Format(date, "d MMMM yyyy", culture);

    private static string Format(DateOnly date, string pattern, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        if (date.Day == 1 && culture.TwoLetterISOLanguageName == "fr")
        {
            pattern = pattern.Replace("d MMMM", "d'er' MMMM", StringComparison.Ordinal);
        }

        return date.ToString(pattern, culture);
    }

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    /// <summary>A UTC instant shown as the date in France.</summary>
    public static string Date(DateTime utc) => Date(DateOnly.FromDateTime(ToParis(utc)));

    public static string Date(DateTime? utc) => utc is { } d ? Date(d) : "—";

    public static string DateTime(DateTime utc) => DateTime(utc, CultureInfo.CurrentCulture);

    /// <summary>A UTC instant as a date and time in France, in <paramref name="culture"/>: <c>1er décembre 2026 à 09:30</c>.</summary>
    public static string DateTime(DateTime utc, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var paris = ToParis(utc);
        var fr = culture.TwoLetterISOLanguageName == "fr";
        return Format(DateOnly.FromDateTime(paris), "d MMMM yyyy", culture) + (fr ? " à " : " at ") + paris.ToString("HH:mm", culture);
    }

    /// <summary>
    /// A terms version (<c>2026-11-fr</c>, an internal code) as a reader says it: <c>version de novembre 2026</c>,
    /// <c>November 2026 version</c>; an unexpected value is shown as it is.
    /// </summary>
    public static string TermsVersion(string version) => TermsVersion(version, CultureInfo.CurrentCulture);

    public static string TermsVersion(string version, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(culture);
        if (version.Length < 7 || !System.DateTime.TryParseExact(version[..7], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return version;
        }

        var name = month.ToString("MMMM yyyy", culture);
        return culture.TwoLetterISOLanguageName == "fr" ? $"version de {name}" : $"{name} version";
    }

    /// <summary>A requested porting date with its half-day: <c>15 décembre 2026, le matin</c>.</summary>
    public static string RequestedDate(DateOnly date, OomaPorting.Domain.Porting.PortingHalfDay? halfDay, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return halfDay is { } h ? $"{Date(date)}, {text[$"HalfDay.{h}"].Value}" : Date(date);
    }

    public static string Money(decimal eur) => eur.ToString("C", CurrencyCulture());

    /// <summary>A file's size as people read it: <c>850 Ko</c>, <c>2,4 Mo</c> (1 Ko = 1,024 bytes, as file managers show).</summary>
    public static string FileSize(long bytes, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var culture = CultureInfo.CurrentCulture;
        return bytes switch
        {
            < 1024 => text["Size.Bytes", bytes.ToString("N0", culture)].Value,
            < 1024 * 1024 => text["Size.Kilobytes", Math.Ceiling(bytes / 1024d).ToString("N0", culture)].Value,
            _ => text["Size.Megabytes", (bytes / (1024d * 1024)).ToString("0.#", culture)].Value,
        };
    }

    private static System.DateTime ToParis(System.DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    /// <summary>Prices are in euros whatever the language: English readers get the euro sign too.</summary>
    private static CultureInfo CurrencyCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        if (culture.NumberFormat.CurrencySymbol == "€")
        {
            return culture;
        }

        var euro = (CultureInfo)CultureInfo.GetCultureInfo("en-IE").Clone();
        return euro;
    }
}
