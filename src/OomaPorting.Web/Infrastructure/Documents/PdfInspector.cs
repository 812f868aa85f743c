using System.IO.Compression;
using System.Text;

namespace OomaPorting.Web.Infrastructure.Documents;

/// <summary>
/// Refuses a PDF that can do something when opened: JavaScript, launching a program, embedded files, forms that
/// submit, multimedia; an encrypted one (it cannot be inspected); and one whose compressed streams inflate beyond
/// <see cref="MaxInflatedBytes"/> (a "zip bomb"). Names are read in the file and in every Flate stream (object streams
/// included), with their <c>#xx</c> escapes decoded, so <c>/J#61vaScript</c> is seen too. A bill from a carrier
/// has none of these.
/// </summary>
public static class PdfInspector
{
    /// <summary>100 MB of inflated streams per file: far beyond a scanned bill, far below what would hurt the portal.</summary>
    public const long MaxInflatedBytes = 100L * 1024 * 1024;

    private static readonly HashSet<string> ActiveNames = new(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "SubmitForm", "ImportData", "GoToE", "XFA",
    };

    /// <summary>Why <paramref name="pdf"/> is refused (<c>Document.PdfActiveContent</c>, <c>Document.PdfEncrypted</c>,
    /// <c>Document.PdfTooComplex</c>), or null.</summary>
    public static string? Problem(byte[] pdf)
    {
        var names = new NameScanner();
        names.Feed(pdf);
        if (names.Finish() is { } found)
        {
            return found;
        }

        long inflated = 0;
        var buffer = new byte[64 * 1024];
        var position = 0;
        while (FindStream(pdf, ref position, out var start, out var end))
        {
            var scanner = new NameScanner();
            using var input = new MemoryStream(pdf, start, end - start, writable: false);
            try
            {
                using var zlib = new ZLibStream(input, CompressionMode.Decompress);
                int read;
                while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    if (inflated > MaxInflatedBytes)
                    {
                        return "Document.PdfTooComplex";
                    }

                    scanner.Feed(buffer.AsSpan(0, read));
                }
            }
            catch (InvalidDataException)
            {
                // Not a Flate stream (an image's DCT data, another filter) or a damaged one: nothing more to read in it.
            }

            if (scanner.Finish() is { } inStream)
            {
                return inStream;
            }
        }

        return null;
    }

    /// <summary>The next stream's data: after the keyword <c>stream</c> and its end of line, up to <c>endstream</c>.</summary>
    private static bool FindStream(ReadOnlySpan<byte> pdf, ref int position, out int start, out int end)
    {
        start = end = 0;
        while (position < pdf.Length)
        {
            var at = pdf[position..].IndexOf("stream"u8);
            if (at < 0)
            {
                position = pdf.Length;
                return false;
            }

            at += position;
            position = at + 6;
            if (at >= 3 && pdf.Slice(at - 3, 3).SequenceEqual("end"u8))
            {
                continue;
            }

            var data = at + 6;
            if (data < pdf.Length && pdf[data] == '\r')
            {
                data++;
            }

            if (data >= pdf.Length || pdf[data] != '\n')
            {
                continue;
            }

            start = data + 1;
            var stop = pdf[start..].IndexOf("endstream"u8);
            end = stop < 0 ? pdf.Length : start + stop;
            position = end;
            return true;
        }

        return false;
    }

    /// <summary>Reads PDF names (<c>/Name</c>) from bytes given in pieces, remembering the first refused one.</summary>
    private sealed class NameScanner
    {
        private const int MaxNameLength = 127;
        private readonly StringBuilder _name = new();
        private bool _inName;
        private string? _problem;

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                if (_problem is not null)
                {
                    return;
                }

                if (_inName)
                {
                    if (IsDelimiter(b))
                    {
                        EndName();
                    }
                    else
                    {
                        if (_name.Length < MaxNameLength)
                        {
                            _name.Append((char)b);
                        }

                        continue;
                    }
                }

                if (b == '/')
                {
                    _inName = true;
                    _name.Clear();
                }
            }
        }

        public string? Finish()
        {
            if (_inName)
            {
                EndName();
            }

            return _problem;
        }

        private void EndName()
        {
            _inName = false;
            var name = Decode(_name.ToString());
            if (ActiveNames.Contains(name))
            {
                _problem ??= "Document.PdfActiveContent";
            }
            else if (name == "Encrypt")
            {
                _problem ??= "Document.PdfEncrypted";
            }
        }

        private static string Decode(string name)
        {
            if (!name.Contains('#', StringComparison.Ordinal))
            {
                return name;
            }

            var text = new StringBuilder(name.Length);
            for (var i = 0; i < name.Length; i++)
            {
                if (name[i] == '#' && i + 2 < name.Length
                    && Uri.IsHexDigit(name[i + 1]) && Uri.IsHexDigit(name[i + 2]))
                {
                    text.Append((char)Convert.ToByte(name.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    text.Append(name[i]);
                }
            }

            return text.ToString();
        }

        private static bool IsDelimiter(byte b) =>
            b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
                or (byte)'/' or (byte)'[' or (byte)']' or (byte)'<' or (byte)'>' or (byte)'(' or (byte)')' or (byte)'{' or (byte)'}' or (byte)'%';
    }
}
