using System.Globalization;
using System.Text;
using CsvHelper;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// The numbers step's uploaded file: a CSV (CsvHelper: quoting, the separator found among semicolon, comma and tab, a
/// heading line allowed) or a plain list, at most <see cref="MaxBytes"/> (the caller checks the length first), read as a
/// stream, in UTF-8 or, when it is not, Windows-1252. Each record is read like a
/// pasted line (<see cref="NumberListText"/>), so the two ways give the same numbers and the same messages.
/// </summary>
public static class NumbersFile
{
    public const long MaxBytes = 1_000_000;

    /// <summary>Where the template lies (the portal's static files).</summary>
    public const string TemplatePath = "/modeles/numeros-a-porter.csv";

    /// <summary>The file's numbers and problems, or null when it is not text (a NUL byte in it: an image, an archive, a spreadsheet's binary format).</summary>
    public static async Task<NumberListText.Result?> ReadAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            var copy = new MemoryStream();
            await content.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            content = copy;
        }

        var head = new byte[8192];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (Array.IndexOf(head, (byte)0, 0, read) >= 0)
        {
            return null;
        }

        content.Position = 0;
        var encoding = await IsUtf8Async(content, cancellationToken) ? (Encoding)new UTF8Encoding(false, false) : Windows1252;
        content.Position = 0;
        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        // The separator is found among , ; tab and | from the first lines; a record is at most a few hundred bytes.
        using var csv = CsvReader.Create(reader, new CsvReaderOptions
        {
            HasHeader = false,
            TrackLineNumbers = true,
            MaxRecordSize = 4 * NumberListText.MaxLineLength,
            IncludeValuesInExceptions = false,
        });
        var lines = new List<(int Line, string Text)>();
        int? overlong = null;
        try
        {
            while (await csv.ReadAsync(cancellationToken))
            {
                lines.Add(((int)csv.LineNumber, string.Join(';', Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i)))));
                if (lines.Count > NumberListText.MaxLines + 1)
                {
                    break; // enough to say there are too many
                }
            }
        }
        catch (CsvFormatException)
        {
            overlong = lines.Count == 0 ? 1 : lines[^1].Line + 1; // a record longer than any line worth reading (MaxRecordSize): reading stops there
        }

        var result = NumberListText.Parse(lines);
        return overlong is { } row ? result with { Problems = [.. result.Problems, new NumberListText.Problem(row, "Lines.LineTooLong", string.Empty)] } : result;
    }

    /// <summary>
    /// What a French spreadsheet writes when it saves "CSV (séparateur : point-virgule)" without choosing UTF-8: é is one
    /// byte there, and the euro sign and the curly quotes are where Latin-1 has control characters.
    /// </summary>
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>
    /// Whether the whole file is UTF-8 (with or without its byte-order mark); any other file is read as Windows-1252,
    /// so the lines echoed in messages show the letters the person typed.
    /// </summary>
    private static async Task<bool> IsUtf8Async(Stream content, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[bytes.Length + 1];
        try
        {
            int read;
            while ((read = await content.ReadAsync(bytes, cancellationToken)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
