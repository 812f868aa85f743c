using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Infrastructure.Mandates;

/// <summary>
/// The certificate (with its private key) that signs every mandate PDF: <c>Mandate:SigningCertificatePath</c>, else
/// <c>mandate-signing.pfx</c> of the data folder, a self-signed certificate made on first start. Any PDF reader then
/// shows whether the file was altered since the portal produced it; with a self-signed certificate it also shows that
/// the signer is not on its trust list (production should configure a certificate from a recognised authority).
/// </summary>
public sealed class MandateSigningCertificate(X509Certificate2 certificate, bool selfSignedHere) : IDisposable
{
    public const string FileName = "mandate-signing.pfx";

    public X509Certificate2 Certificate { get; } = certificate;

    /// <summary>Whether this is the self-signed certificate the portal made itself.</summary>
    public bool IsSelfSigned { get; } = selfSignedHere;

    public static MandateSigningCertificate Load(IOptions<MandateOptions> options, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        if (!string.IsNullOrEmpty(settings.SigningCertificatePath))
        {
            var configured = X509CertificateLoader.LoadPkcs12FromFile(settings.SigningCertificatePath, settings.SigningCertificatePassword,
                X509KeyStorageFlags.EphemeralKeySet);
            if (!configured.HasPrivateKey)
            {
                throw new InvalidOperationException("Mandate:SigningCertificatePath holds no private key: it cannot sign.");
            }

            return new MandateSigningCertificate(configured, selfSignedHere: false);
        }

        var path = Path.Combine(dataFolder, FileName);
        if (!File.Exists(path))
        {
            Create(path);
        }

        return new MandateSigningCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, null, X509KeyStorageFlags.EphemeralKeySet),
            selfSignedHere: true);
    }

    /// <summary>A 3072-bit RSA certificate valid 10 years, for signing documents.</summary>
    private static void Create(string path)
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Ooma Office - mandats de portage (auto-signé), O=Ooma Office", rsa,
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        DataFolderSecret.WriteOnce(path, certificate.Export(X509ContentType.Pkcs12));
    }

    public void Dispose() => Certificate.Dispose();
}
