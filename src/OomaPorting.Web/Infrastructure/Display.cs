using System.Globalization;

namespace OomaPorting.Web.Infrastructure;

/// <summary>Dates and money in the reader's culture: <c>3 décembre 2026</c>, <c>9,95 €</c>.</summary>
public static class Display
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "—";

    /// <summary>A UTC instant shown as the date in France.</summary>
    public static string Date(DateTime utc) => Date(DateOnly.FromDateTime(ToParis(utc)));

    public static string Date(DateTime? utc) => utc is { } d ? Date(d) : "—";

    public static string DateTime(DateTime utc) =>
        ToParis(utc).ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "fr" ? "d MMMM yyyy 'à' HH:mm" : "d MMMM yyyy 'at' HH:mm",
            CultureInfo.CurrentCulture);

    public static string Money(decimal eur) => eur.ToString("C", CurrencyCulture());

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
