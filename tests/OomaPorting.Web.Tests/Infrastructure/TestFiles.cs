using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>Files as people (and attackers) upload them: real images, PDFs with something hidden inside.</summary>
public static class TestFiles
{
    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>A small real image of <paramref name="format"/>.</summary>
    public static byte[] Image(SKEncodedImageFormat format, int width = 40, int height = 30)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG carrying an EXIF block with a GPS position and a comment with a script, then an HTML page after its end.</summary>
    public static byte[] JpegPolyglot()
    {
        var jpeg = Image(SKEncodedImageFormat.Jpeg);
        var exif = Segment(0xE1, Ascii("Exif\0\0GPSLatitude=48.8566;Owner=Marie Martin"));
        var comment = Segment(0xFE, Ascii("<script>alert('comment')</script>"));
        return [.. jpeg[..2], .. exif, .. comment, .. jpeg[2..], .. Ascii("<html><script>alert('polyglot')</script></html>")];
    }

    /// <summary>A 40 × 30 JPEG whose EXIF says the camera was turned a quarter clockwise (orientation 6): shown 30 × 40.</summary>
    public static byte[] JpegTurnedSideways()
    {
        var jpeg = Image(SKEncodedImageFormat.Jpeg);
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
        return [.. jpeg[..2], .. Segment(0xE1, [.. Ascii("Exif\0\0"), .. tiff]), .. jpeg[2..]];
    }

    /// <summary>A PNG with an HTML page appended after its last chunk.</summary>
    public static byte[] PngPolyglot() =>
        [.. Image(SKEncodedImageFormat.Png), .. Ascii("<html><script>alert('polyglot')</script></html>")];

    /// <summary>
    /// A real one-page PDF made by PDFsharp (cross-reference table and all), its catalog's <c>/OpenAction</c> set to
    /// <paramref name="openAction"/> (PDF syntax, e.g. <c>&lt;&lt;/S/URI/URI(https://x)&gt;&gt;</c>) when given, and a
    /// link the reader may click to <paramref name="link"/> when given.
    /// </summary>
    public static byte[] PdfMadeWith(string? openAction = null, string? link = null)
    {
        using var document = new PdfSharp.Pdf.PdfDocument();
        var page = document.AddPage();
        if (link is not null)
        {
            page.AddWebLink(new PdfSharp.Pdf.PdfRectangle(new PdfSharp.Drawing.XRect(50, 50, 200, 20)), link);
        }

        if (openAction is not null)
        {
            var action = new PdfSharp.Pdf.PdfDictionary(document);
            foreach (var (key, value) in openAction.Split(';').Select(pair => pair.Split('=', 2)).Select(p => (p[0], p[1])))
            {
                action.Elements[key] = value.StartsWith('/') ? new PdfSharp.Pdf.PdfName(value) : new PdfSharp.Pdf.PdfString(value);
            }

            document.Internals.Catalog.Elements["/OpenAction"] = action;
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public static byte[] PdfWith(string body) =>
        Ascii($"%PDF-1.4\n{body}\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A PDF whose JavaScript action hides in a Flate-compressed object stream (its data after <paramref name="endOfLine"/>).</summary>
    public static byte[] PdfWithJavaScriptInObjectStream(string endOfLine = "\n")
    {
        var packed = Deflate(Ascii("3 0 <</S/JavaScript/JS(app.alert(1))>>"));
        return [.. Ascii($"%PDF-1.5\n1 0 obj<</Type/Catalog/OpenAction 3 0 R>>endobj\n2 0 obj<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length {packed.Length}>>stream{endOfLine}"),
            .. packed, .. Ascii("\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")];
    }

    /// <summary>
    /// A PDF whose JavaScript action hides in an object stream behind <paramref name="filters"/> (PDF syntax: <c>/AHx</c>,
    /// <c>[/A85 /Fl]</c>, <c>/LZWDecode</c>…), encoded with PDFsharp's own filters.
    /// </summary>
    public static byte[] PdfWithJavaScriptInObjectStreamBehind(string filters)
    {
        var data = Ascii("3 0 <</S/JavaScript/JS(app.alert(1))>>");
        var names = filters.Trim('[', ']').Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var name in names.Reverse())
        {
            data = name switch
            {
                "Fl" or "FlateDecode" => Deflate(data),
                "AHx" or "ASCIIHexDecode" => PdfSharp.Pdf.Filters.Filtering.Encode(data, "/ASCIIHexDecode")!,
                "A85" or "ASCII85Decode" => PdfSharp.Pdf.Filters.Filtering.Encode(data, "/ASCII85Decode")!,
                _ => data, // a filter this helper does not write: the bytes stay as they are, hidden behind its name
            };
        }

        return [.. Ascii($"%PDF-1.5\n1 0 obj<</Type/Catalog/OpenAction 3 0 R>>endobj\n2 0 obj<</Type/ObjStm/N 1/First 4/Filter{filters}/Length {data.Length}>>stream\n"),
            .. data, .. Ascii("\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")];
    }

    /// <summary>A PDF of a few hundred kilobytes whose one stream inflates to <paramref name="inflatedMegabytes"/> MB of zeros.</summary>
    public static byte[] PdfBomb(int inflatedMegabytes = 150)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < inflatedMegabytes; i++)
            {
                zlib.Write(zeros);
            }
        }

        var data = packed.ToArray();
        return [.. Ascii($"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n2 0 obj<</Filter/FlateDecode/Length {data.Length}>>stream\n"),
            .. data, .. Ascii("\nendstream\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")];
    }

    public static byte[] Deflate(byte[] content)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content);
        }

        return packed.ToArray();
    }

    private static byte[] Segment(byte marker, byte[] payload)
    {
        var length = payload.Length + 2;
        return [0xFF, marker, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
    }
}
