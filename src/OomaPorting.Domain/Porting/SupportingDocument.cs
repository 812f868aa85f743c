using System.Text;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// A file the admin attached to a request as proof (a carrier bill, a Kbis extract): what it is, its cleaned name, the
/// type read from its content, its size and SHA-256. The bytes live in the portal's document store, not in the domain.
/// </summary>
public sealed class SupportingDocument
{
    /// <summary>10 MB: a scanned bill of a few pages fits many times over.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public const int MaxFileNameLength = 100;

    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    internal SupportingDocument(PortRequest request, Guid id, DocumentKind kind, string fileName, string contentType,
        long length, string sha256, string uploadedByUserId, DateTime uploadedAtUtc)
    {
        Id = id;
        PortRequestId = request.Id;
        AccountId = request.AccountId;
        Kind = kind;
        FileName = fileName;
        ContentType = contentType;
        Length = length;
        Sha256 = sha256;
        UploadedByUserId = uploadedByUserId;
        UploadedAtUtc = uploadedAtUtc;
    }

    private SupportingDocument()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        UploadedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PortRequestId { get; private set; }

    public Guid AccountId { get; private set; }

    public DocumentKind Kind { get; private set; }

    /// <summary>The name shown and offered on download: cleaned by <see cref="CleanFileName"/>, with the extension of its real type.</summary>
    public string FileName { get; private set; }

    /// <summary>One of <see cref="Pdf"/>, <see cref="Jpeg"/>, <see cref="Png"/>, decided from the content.</summary>
    public string ContentType { get; private set; }

    public long Length { get; private set; }

    /// <summary>Hex SHA-256 of the stored bytes.</summary>
    public string Sha256 { get; private set; }

    public string UploadedByUserId { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    public bool IsImage => ContentType is Jpeg or Png;

    /// <summary>The same document attached to <paramref name="request"/> (a follow-up) under <paramref name="id"/>; its bytes are copied by the store.</summary>
    internal SupportingDocument CopyFor(PortRequest request, Guid id) =>
        new(request, id, Kind, FileName, ContentType, Length, Sha256, UploadedByUserId, UploadedAtUtc) { CopiedFromId = Id };

    /// <summary>The document this one was copied from (a follow-up's copy of the original's bill), whose bytes it shares the content of.</summary>
    public Guid? CopiedFromId { get; private set; }

    /// <summary>The extension a stored document of <paramref name="contentType"/> carries.</summary>
    public static string ExtensionOf(string contentType) => contentType switch
    {
        Pdf => ".pdf",
        Jpeg => ".jpg",
        Png => ".png",
        _ => throw new DomainException("Document.Type", "Only PDF, JPEG and PNG files are accepted."),
    };

    /// <summary>
    /// A file name safe to show and to offer on download: the last path segment only (no <c>../</c>), no control,
    /// invisible or reserved characters, spaces collapsed, at most <see cref="MaxFileNameLength"/> characters, ending
    /// with the extension of the real type (a "facture.png" that is a PDF becomes "facture.pdf"). "document" when
    /// nothing is left.
    /// </summary>
    public static string CleanFileName(string? name, string contentType)
    {
        var extension = ExtensionOf(contentType);
        var cleaned = CleanName(name);
        var dot = cleaned.LastIndexOf('.');
        var stem = dot > 0 ? cleaned[..dot].TrimEnd('.', ' ') : cleaned;
        return Cut(stem.Length == 0 ? "document" : stem, MaxFileNameLength - extension.Length) + extension;
    }

    /// <summary>A name as given, cleaned like <see cref="CleanFileName"/> but keeping its own extension: what a refusal names.</summary>
    public static string DisplayName(string? name)
    {
        var cleaned = CleanName(name);
        return cleaned.Length == 0 ? "document" : Cut(cleaned, MaxFileNameLength);
    }

    private static string CleanName(string? name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var text = new StringBuilder(last.Length);
        foreach (var rune in last.EnumerateRunes())
        {
            var reserved = rune.IsAscii && "<>:\"|?*;%".Contains((char)rune.Value, StringComparison.Ordinal);
            var blank = reserved || Rune.IsWhiteSpace(rune) || DomainText.HasHiddenCharacters(rune.ToString());
            text.Append(blank ? " " : rune.ToString());
        }

        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ', '-');
    }

    private static string Cut(string text, int room)
    {
        if (text.Length <= room)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[room - 1]) ? room - 1 : room;
        return text[..cut].TrimEnd('.', ' ');
    }
}
