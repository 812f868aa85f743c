using System.Globalization;
using CsvHelper;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// How the portal writes CSV (CsvHelper): RFC 4180 quoting, a UTF-8 byte-order mark so Excel reads accents, and a
/// cell that would start a formula (= + - @, tab, carriage return) escaped, so no data can run in the reader's
/// spreadsheet. Semicolons by default, as French Excel expects; commas on request.
/// </summary>
public static class CsvFormat
{
    public static readonly CsvWriterOptions Semicolons = For(';');

    public static readonly CsvWriterOptions Commas = For(',');

    /// <summary>The format for the query value <c>separateur</c>: <c>virgule</c> for commas, anything else semicolons.</summary>
    public static CsvWriterOptions ForChoice(string? separator) => separator == "virgule" ? Commas : Semicolons;

    private static CsvWriterOptions For(char separator) => new()
    {
        Separator = separator,
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };
}
