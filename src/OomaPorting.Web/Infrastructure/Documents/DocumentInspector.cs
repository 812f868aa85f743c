using System.Security.Cryptography;

namespace OomaPorting.Web.Infrastructure.Documents;

/// <summary>
/// Decides whether an uploaded file may be kept, and what is kept: the type from its content (<see cref="FileSignature"/>),
/// a PDF without active content (<see cref="PdfInspector"/>), an image re-encoded (<see cref="ImageCleaner"/>). The
/// file is read once, up to <see cref="SupportingDocument.MaxBytes"/> and one byte more to know it is too large.
/// </summary>
public sealed class DocumentInspector(ImageCleaner images)
{
    /// <summary>The file as it will be stored, or the refusal's code (<c>Document.Empty</c>, <c>Document.TooLarge</c>,
    /// <c>Document.Type</c>, and those of the PDF and image checks).</summary>
    public async Task<InspectedDocument> InspectAsync(Stream upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var content = await ReadAtMostAsync(upload, SupportingDocument.MaxBytes + 1, cancellationToken);
        if (content.Length == 0)
        {
            return InspectedDocument.Refused("Document.Empty");
        }

        if (content.Length > SupportingDocument.MaxBytes)
        {
            return InspectedDocument.Refused("Document.TooLarge");
        }

        var type = FileSignature.ContentTypeOf(content);
        if (type is null)
        {
            return InspectedDocument.Refused("Document.Type");
        }

        if (type == SupportingDocument.Pdf)
        {
            return PdfInspector.Problem(content) is { } problem ? InspectedDocument.Refused(problem) : Accepted(type, content);
        }

        var (cleaned, imageProblem) = await images.CleanAsync(content, type, cancellationToken);
        return cleaned is null ? InspectedDocument.Refused(imageProblem!) : Accepted(type, cleaned);
    }

    private static InspectedDocument Accepted(string type, byte[] content) =>
        new(type, content, Convert.ToHexStringLower(SHA256.HashData(content)), null);

    /// <summary>
    /// The stream's bytes, <paramref name="limit"/> at most, in one array of the right size when the length is known (an
    /// uploaded file's is): no growing buffer, no second copy.
    /// </summary>
    private static async Task<byte[]> ReadAtMostAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            var content = new byte[(int)Math.Min(stream.Length - stream.Position, limit)];
            await stream.ReadExactlyAsync(content, cancellationToken);
            return content;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
