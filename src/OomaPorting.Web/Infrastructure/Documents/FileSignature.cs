namespace OomaPorting.Web.Infrastructure.Documents;

/// <summary>The type of a file decided from its first bytes ("magic bytes"), never from its name or the browser's header.</summary>
public static class FileSignature
{
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    /// <summary><see cref="SupportingDocument.Pdf"/>, <see cref="SupportingDocument.Jpeg"/>, <see cref="SupportingDocument.Png"/>, or null.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic))
        {
            return SupportingDocument.Pdf;
        }

        if (head.StartsWith(PngMagic))
        {
            return SupportingDocument.Png;
        }

        return head.StartsWith(JpegMagic) ? SupportingDocument.Jpeg : null;
    }
}
