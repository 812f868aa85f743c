using System.IO.Compression;
using System.Text;

namespace OomaPorting.Web.Infrastructure.Documents;

/// <summary>
/// Refuses a PDF that can do something when opened: JavaScript, launching a program, embedded files, forms that
/// submit, multimedia; an encrypted one (it cannot be inspected); and one whose compressed streams inflate beyond
/// <see cref="MaxInflatedBytes"/> (a "zip bomb"). Names are read in the file and in every stream (object streams
/// included) once its ASCIIHex, ASCII85 and Flate filters are undone, with their <c>#xx</c> escapes decoded, so
/// <c>/J#61vaScript</c> is seen too; an object stream behind another filter is refused unread. A bill from a carrier
/// has none of these.
/// </summary>
public static class PdfInspector
{
    /// <summary>100 MB of inflated streams per file: far beyond a scanned bill, far below what would hurt the portal.</summary>
    public const long MaxInflatedBytes = 100L * 1024 * 1024;

    private static readonly HashSet<string> ActiveNames = new(StringComparer.Ordinal)
    {
        "JavaScript", "JS", "Launch", "EmbeddedFile", "EmbeddedFiles", "RichMedia", "SubmitForm", "ImportData", "GoToE", "GoToR", "XFA",
    };

    /// <summary>Why <paramref name="pdf"/> is refused (<c>Document.PdfActiveContent</c>, <c>Document.PdfEncrypted</c>,
    /// <c>Document.PdfTooComplex</c>), or null.</summary>
    public static string? Problem(byte[] pdf)
    {
        if (OpeningAction(pdf))
        {
            return "Document.PdfActiveContent";
        }

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
            ReadOnlyMemory<byte> data = pdf.AsMemory(start, end - start);
            switch (Unwrap(pdf, start, ref data))
            {
                case Unwrapped.Hidden:
                    return "Document.PdfActiveContent";
                case Unwrapped.Plain:
                    scanner.Feed(data.Span);
                    if (scanner.Finish() is { } plain)
                    {
                        return plain;
                    }

                    continue;
            }

            var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var whole) ? whole : new ArraySegment<byte>(data.ToArray());
            using var input = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
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

    /// <summary>
    /// Whether the document does something by itself when opened or when a page is shown: an opening action or
    /// triggered actions (<c>/OpenAction</c>, <c>/AA</c> of the document or a page) other than going to a place in the
    /// file (<c>/GoTo</c>), such as opening a web address (<c>/URI</c>). Read from the document's object tree with
    /// PDFsharp; a link the reader clicks (an annotation) stays allowed. A file PDFsharp cannot read is left to the
    /// byte scan.
    /// </summary>
    private static bool OpeningAction(byte[] pdf)
    {
        PdfSharp.Pdf.PdfDocument document;
        try
        {
            using var input = new MemoryStream(pdf, writable: false);
            document = PdfSharp.Pdf.IO.PdfReader.Open(input, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }

        using (document)
        {
            var catalog = document.Internals.Catalog;
            if (!OnlyGoTo(catalog.Elements.GetObject("/OpenAction"), 0) || catalog.Elements.GetObject("/AA") is { } documentTriggers && !Triggers(documentTriggers))
            {
                return true;
            }

            return document.Pages.Cast<PdfSharp.Pdf.PdfPage>().Any(page => page.Elements.GetObject("/AA") is { } pageTriggers && !Triggers(pageTriggers));
        }
    }

    /// <summary>Every trigger of an <c>/AA</c> dictionary only goes to a place in the file.</summary>
    private static bool Triggers(PdfSharp.Pdf.PdfItem triggers) =>
        triggers is not PdfSharp.Pdf.PdfDictionary dictionary || dictionary.Elements.Keys.All(key => OnlyGoTo(dictionary.Elements.GetObject(key), 0));

    /// <summary>An opening destination (an array) or an action that goes to a place in the file, and so do the actions it chains (<c>/Next</c>).</summary>
    private static bool OnlyGoTo(PdfSharp.Pdf.PdfItem? item, int depth)
    {
        if (item is null or PdfSharp.Pdf.PdfArray)
        {
            return true; // nothing, or a destination: a page and a view
        }

        if (depth > 16 || item is not PdfSharp.Pdf.PdfDictionary action || action.Elements.GetName("/S") != "/GoTo")
        {
            return false;
        }

        return action.Elements.GetObject("/Next") switch
        {
            null => true,
            PdfSharp.Pdf.PdfArray next => next.Elements.All(n => OnlyGoTo(n is PdfSharp.Pdf.Advanced.PdfReference r ? r.Value : n, depth + 1)),
            var next => OnlyGoTo(next, depth + 1),
        };
    }

    private enum Unwrapped
    {
        /// <summary>Compressed (or unknown): inflated next, as before.</summary>
        Flate,

        /// <summary>Decoded to its plain bytes.</summary>
        Plain,

        /// <summary>An object stream behind a filter this check does not decode: what it holds cannot be seen.</summary>
        Hidden,
    }

    private static readonly Dictionary<string, string> TextFilters = new(StringComparer.Ordinal)
    {
        ["ASCIIHexDecode"] = "/ASCIIHexDecode", ["AHx"] = "/ASCIIHexDecode", ["ASCII85Decode"] = "/ASCII85Decode", ["A85"] = "/ASCII85Decode",
    };

    private static readonly HashSet<string> FlateNames = new(StringComparer.Ordinal) { "FlateDecode", "Fl" };

    /// <summary>
    /// Undoes the text encodings a stream's dictionary names (<c>/ASCIIHexDecode</c>, <c>/ASCII85Decode</c>, alone or
    /// before <c>/FlateDecode</c>), so that names hidden behind them are read too (issue 35, point 17). An object stream
    /// (the dictionaries of a PDF 1.5 file, where actions live) behind any other filter (<c>/LZWDecode</c>,
    /// <c>/RunLengthDecode</c>…) cannot be read here and is refused: a bill has none.
    /// </summary>
    private static Unwrapped Unwrap(byte[] pdf, int start, ref ReadOnlyMemory<byte> data)
    {
        // The stream's dictionary: from the object's "obj" keyword (within 4 KB before its data) to the data.
        var from = Math.Max(0, start - 4096);
        var head = Encoding.Latin1.GetString(pdf, from, start - from);
        var obj = head.LastIndexOf("obj", StringComparison.Ordinal);
        var dictionary = obj < 0 ? head : head[obj..];
        var filterAt = dictionary.IndexOf("/Filter", StringComparison.Ordinal);
        var filters = new List<string>();
        if (filterAt >= 0)
        {
            var rest = dictionary[(filterAt + 7)..].TrimStart();
            var chain = rest.StartsWith('[') ? rest[1..Math.Max(1, rest.IndexOf(']', StringComparison.Ordinal))] : rest;
            foreach (var part in chain.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = new string(part.TakeWhile(char.IsLetterOrDigit).ToArray());
                if (name.Length > 0)
                {
                    filters.Add(name);
                }

                if (!rest.StartsWith('['))
                {
                    break; // one name only
                }
            }
        }

        var decodable = filters.Count > 0 && filters.Take(filters.Count - 1).All(TextFilters.ContainsKey)
            && (TextFilters.ContainsKey(filters[^1]) || FlateNames.Contains(filters[^1]));
        if (!decodable)
        {
            var objectStream = dictionary.Replace(" ", string.Empty, StringComparison.Ordinal).Contains("/Type/ObjStm", StringComparison.Ordinal);
            return filters.Count > 0 && objectStream && !(filters.Count == 1 && FlateNames.Contains(filters[0])) ? Unwrapped.Hidden : Unwrapped.Flate;
        }

        var bytes = data.ToArray();
        try
        {
            foreach (var filter in filters.Where(TextFilters.ContainsKey))
            {
                bytes = PdfSharp.Pdf.Filters.Filtering.Decode(bytes, TextFilters[filter]) ?? [];
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Unwrapped.Hidden; // a text encoding that does not decode: a reader may still make something of it
        }

        data = bytes;
        return FlateNames.Contains(filters[^1]) ? Unwrapped.Flate : Unwrapped.Plain;
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

            // The data starts after CRLF or LF, or after a lone CR, which the standard forbids but readers accept (a
            // stream hidden behind one was not inflated).
            var data = at + 6;
            if (data >= pdf.Length || pdf[data] is not ((byte)'\r' or (byte)'\n'))
            {
                continue;
            }

            start = pdf[data] == '\r' && data + 1 < pdf.Length && pdf[data + 1] == '\n' ? data + 2 : data + 1;
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
