using PdfSharp.Fonts;

namespace OomaPorting.Web.Infrastructure.Pdf;

/// <summary>
/// PDFsharp finds no system fonts on Linux: the app ships DejaVu Sans (Bitstream Vera licence, see Fonts/) as
/// embedded resources, so a PDF renders on any machine with nothing installed.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Sets the resolver once per process (PDFsharp keeps it in a static).</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
                _installed = true;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"OomaPorting.Web.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
