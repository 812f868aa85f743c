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
    public static string? CheckSignerName(string? name) =>
        DomainText.Problem(name, SignerNameField, MaxSignerNameLength) ?? DomainText.UnprintableProblem(name, SignerNameField);

    internal Mandate(PortRequest request, int sequence, SignatureInput signature, string signerName, PortingTerms terms, DateTime signedAtUtc)
    {
        Id = Guid.CreateVersion7(signedAtUtc);
        PortRequestId = request.Id;
        AccountId = request.AccountId;
        Sequence = sequence;
        SignerName = signerName;
        SignerCapacity = signature.Capacity;
        Confirmation = signature.Confirmation;
        SignedAtUtc = signedAtUtc;
        ClientAddress = Truncate(signature.ClientAddress, 64);
        UserAgent = Truncate(signature.UserAgent, 512);
        TermsVersion = terms.Version;
        DrawnSignaturePng = signature.DrawnSignaturePng;
        CanonicalText = request.CanonicalMandateText(signerName, signature.Capacity, signature.Confirmation, signedAtUtc, terms);
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

    /// <summary>In what capacity the signer committed the holder; null for a mandate signed before the portal asked.</summary>
    public SignerCapacity? SignerCapacity { get; private set; }

    /// <summary>How the signer proved control of the admin's mailbox; null for a mandate signed before the portal asked.</summary>
    public SignerConfirmation? Confirmation { get; private set; }

    public DateTime SignedAtUtc { get; private set; }

    public string? ClientAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string TermsVersion { get; private set; }

    public byte[]? DrawnSignaturePng { get; private set; }

    /// <summary>Every answer and the terms, in a fixed order and format: what was signed.</summary>
    public string CanonicalText { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="CanonicalText"/> in UTF-8.</summary>
    public string Sha256 { get; private set; }

    /// <summary>Which key sealed <see cref="Seal"/> (<see cref="MandateSealKey.Id"/>); null for a mandate signed before seals were keyed.</summary>
    public string? SealKeyId { get; private set; }

    /// <summary>Lower-case hex HMAC-SHA256 of <see cref="CanonicalText"/> under the key <see cref="SealKeyId"/>.</summary>
    public string? Seal { get; private set; }

    /// <summary>
    /// Seals the text with <paramref name="key"/>: done once, when the mandate is first stored (the portal's key is
    /// not the domain's to hold). A mandate already sealed keeps its seal.
    /// </summary>
    public void SealWith(MandateSealKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Seal is not null)
        {
            return;
        }

        SealKeyId = key.Id;
        Seal = key.Seal(CanonicalText);
    }

    /// <summary>Whether the stored text still matches its fingerprint and its seal, with the keys the portal holds.</summary>
    public MandateIntegrity CheckWith(IReadOnlyCollection<MandateSealKey> keys) =>
        Check(CanonicalText, Sha256, SealKeyId, Seal, keys);

    /// <summary>
    /// The same check for a mandate read as its columns. A text edited together with a recomputed SHA-256 is still
    /// <see cref="MandateIntegrity.Altered"/>: the seal needs the key.
    /// </summary>
    public static MandateIntegrity Check(string canonicalText, string sha256, string? sealKeyId, string? seal, IReadOnlyCollection<MandateSealKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!Seals(canonicalText, sha256))
        {
            return MandateIntegrity.Altered;
        }

        if (seal is null || sealKeyId is null)
        {
            return MandateIntegrity.FingerprintOnly;
        }

        var key = keys.FirstOrDefault(k => k.Id == sealKeyId);
        return key is null ? MandateIntegrity.UnknownKey
            : key.Verifies(canonicalText, seal) ? MandateIntegrity.Intact
            : MandateIntegrity.Altered;
    }

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
