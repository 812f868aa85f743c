using System.Globalization;
using CsvHelper;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// How the portal writes CSV (CsvHelper): RFC 4180, a UTF-8 byte-order mark so Excel reads accents, and no text that a
/// spreadsheet could run: a cell that would start a formula (= + - @, tab, carriage return, or a space before one) is
/// escaped with a leading apostrophe by CsvHelper, and <see cref="WriteText"/> does the same after every character a
/// reader might split on (comma, semicolon, tab, line break): a carrier name <c>x,=cmd|…</c> in the semicolon file is
/// opened by a spreadsheet splitting on commas too. Every export writes its text with <see cref="WriteText"/>.
/// Semicolons by default, as French Excel expects; commas on request.
/// </summary>
public static partial class CsvFormat
{
    public static readonly CsvWriterOptions Semicolons = For(';');

    public static readonly CsvWriterOptions Commas = For(',');

    /// <summary>The format for the query value <c>separateur</c>: <c>virgule</c> for commas, anything else semicolons.</summary>
    public static CsvWriterOptions ForChoice(string? separator) => separator == "virgule" ? Commas : Semicolons;

    private static CsvWriterOptions For(char separator) => new()
    {
        Separator = separator,
        Injection = CsvInjection.Escape,
        InjectionCharacters = "=@+-\t\r ",
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Writes a text cell, with every formula that would start after a possible separator escaped (see the type).</summary>
    public static void WriteText(this CsvWriter csv, string? value)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.WriteField(Neutralise(value ?? string.Empty));
    }

    /// <summary><c>x,=cmd</c> becomes <c>x,'=cmd</c>: nothing a reader may split on is followed by a formula.</summary>
    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",;\t\r\n") < 0 ? value : FormulaAfterSeparator().Replace(value, "$1'");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"([,;\t\r\n][\s""]*)(?=[=+\-@])")]
    private static partial System.Text.RegularExpressions.Regex FormulaAfterSeparator();
}
