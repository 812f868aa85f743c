using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>
/// The <c>Mandate</c> section: who the mandate is given to, the key that seals each mandate's text, and the
/// certificate that signs its PDF. The two secrets live outside the database: someone who can edit the database can
/// neither re-seal an altered text nor re-sign a PDF.
/// </summary>
public sealed class MandateOptions : IValidatableObject
{
    public const string Section = "Mandate";

    /// <summary>The Ooma legal entity the holder mandates, as the mandate names it.</summary>
    [Required(ErrorMessage = "Mandate:LegalEntityName is required (the Ooma entity named on every mandate).")]
    [StringLength(200, ErrorMessage = "Mandate:LegalEntityName is at most 200 characters.")]
    public string LegalEntityName { get; set; } = string.Empty;

    /// <summary>That entity's registered address, on one line.</summary>
    [Required(ErrorMessage = "Mandate:LegalEntityAddress is required (the registered address named on every mandate).")]
    [StringLength(300, ErrorMessage = "Mandate:LegalEntityAddress is at most 300 characters.")]
    public string LegalEntityAddress { get; set; } = string.Empty;

    /// <summary>
    /// The seal key, base64, at least 32 bytes. Empty: the key of the file <c>mandate-seal.key</c> of the data folder,
    /// created on first start. Several instances must share one key: set it here (from a secret store) for them all.
    /// </summary>
    public string? SealKey { get; set; }

    /// <summary>Former seal keys (base64), kept so the mandates they sealed can still be checked after a rotation.</summary>
    public IList<string> RetiredSealKeys { get; } = [];

    /// <summary>
    /// A PKCS#12 (.pfx) file with the certificate and private key that sign mandate PDFs. Empty: the file
    /// <c>mandate-signing.pfx</c> of the data folder, a self-signed certificate created on first start (a warning is
    /// logged outside Development: readers will show the signature as valid but its signer as not trusted).
    /// </summary>
    public string? SigningCertificatePath { get; set; }

    public string? SigningCertificatePassword { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(SealKey) && !IsKey(SealKey))
        {
            yield return new ValidationResult("Mandate:SealKey must be base64 of at least 32 bytes.", [nameof(SealKey)]);
        }

        if (RetiredSealKeys.Any(k => !IsKey(k)))
        {
            yield return new ValidationResult("Every Mandate:RetiredSealKeys entry must be base64 of at least 32 bytes.", [nameof(RetiredSealKeys)]);
        }

        if (!string.IsNullOrEmpty(SigningCertificatePath) && !File.Exists(SigningCertificatePath))
        {
            yield return new ValidationResult($"Mandate:SigningCertificatePath: no file at '{SigningCertificatePath}'.", [nameof(SigningCertificatePath)]);
        }
    }

    internal static bool IsKey(string value)
    {
        var buffer = new byte[(value.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(value, buffer, out var written) && written >= Domain.Porting.MandateSealKey.MinimumBytes;
    }
}
