using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// A signed mandate: the answers and the terms as one canonical text, with its SHA-256, the signer and the
/// circumstances. Each submission (the first and every resubmission after a fix) adds one.
/// </summary>
public sealed class Mandate
{
    public const int MaxDrawingBytes = 200_000;

    public const int MaxSignerNameLength = 200;

    internal const string SignerNameField = "Signature.Name";

    /// <summary>Why <paramref name="name"/> cannot sign (a stable code), or null.</summary>
    public static string? CheckSignerName(string? name) => DomainText.Problem(name, SignerNameField, MaxSignerNameLength);

    internal Mandate(PortRequest request, int sequence, SignatureInput signature, string signerName, PortingTerms terms, DateTime signedAtUtc)
    {
        Id = Guid.CreateVersion7(signedAtUtc);
        PortRequestId = request.Id;
        AccountId = request.AccountId;
        Sequence = sequence;
        SignerName = signerName;
        SignedAtUtc = signedAtUtc;
        ClientAddress = Truncate(signature.ClientAddress, 64);
        UserAgent = Truncate(signature.UserAgent, 512);
        TermsVersion = terms.Version;
        DrawnSignaturePng = signature.DrawnSignaturePng;
        CanonicalText = request.CanonicalMandateText(signerName, signedAtUtc, terms);
        Sha256 = Hash(CanonicalText);
    }

    private Mandate()
    {
        SignerName = string.Empty;
        TermsVersion = string.Empty;
        CanonicalText = string.Empty;
        Sha256 = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PortRequestId { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>1 for the first submission, then one more per resubmission.</summary>
    public int Sequence { get; private set; }

    public string SignerName { get; private set; }

    public DateTime SignedAtUtc { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string TermsVersion { get; private set; }

    public byte[]? DrawnSignaturePng { get; private set; }

    /// <summary>Every answer and the terms, in a fixed order and format: what was signed.</summary>
    public string CanonicalText { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="CanonicalText"/> in UTF-8.</summary>
    public string Sha256 { get; private set; }

    /// <summary>True while the stored text still hashes to the stored hash: a changed row is detectable.</summary>
    public bool IsIntact => Seals(CanonicalText, Sha256);

    /// <summary>Forgets the drawn signature and the signer's IP address and browser; the sealed text stays as evidence.</summary>
    internal void ErasePersonalData()
    {
        DrawnSignaturePng = null;
        ClientAddress = null;
        UserAgent = null;
    }

    /// <summary>Whether <paramref name="sha256"/> is the seal of <paramref name="canonicalText"/> (for a mandate read as its columns).</summary>
    public static bool Seals(string canonicalText, string sha256) => Hash(canonicalText) == sha256;

    internal static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string? Truncate(string? value, int max)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var clean = new string(value.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length <= max ? clean : clean[..max];
    }

    internal static void CheckDrawing(byte[]? png)
    {
        if (png is null)
        {
            return;
        }

        ReadOnlySpan<byte> magic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length > MaxDrawingBytes || png.Length < magic.Length || !png.AsSpan(0, magic.Length).SequenceEqual(magic))
        {
            throw new DomainException("Signature.Drawing.Invalid", "The drawn signature must be a PNG image under 200 KB.");
        }
    }

    internal static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
