using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web;

/// <summary>Mandates as evidence and supporting documents.</summary>
public static partial class PortalServices
{
    /// <summary>
    /// Mandates as evidence: the key that seals each stored mandate (through the interceptor every context uses), the
    /// certificate that signs each PDF, and the legal entity they name. Both secrets are read or made at start.
    /// </summary>
    public static IServiceCollection AddPortalMandates(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dataFolder = Database.DataFolder(configuration, environment.ContentRootPath);
        services.AddValidatedOptions<MandateOptions>(MandateOptions.Section);
        services.AddSingleton(sp => Infrastructure.Mandates.MandateSealKeys.Load(sp.GetRequiredService<IOptions<MandateOptions>>(), dataFolder));
        services.AddSingleton(sp => new Infrastructure.Mandates.MandateSealInterceptor(sp.GetRequiredService<Infrastructure.Mandates.MandateSealKeys>));
        services.AddSingleton(sp =>
        {
            var certificate = Infrastructure.Mandates.MandateSigningCertificate.Load(sp.GetRequiredService<IOptions<MandateOptions>>(), dataFolder);
            if (certificate.IsSelfSigned && !environment.IsDevelopment())
            {
                sp.GetRequiredService<ILogger<Infrastructure.Mandates.MandateSigningCertificate>>().LogWarning(
                    "Mandate PDFs are signed with the portal's self-signed certificate ({Subject}); set Mandate:SigningCertificatePath for readers to trust the signer",
                    certificate.Certificate.Subject);
            }

            return certificate;
        });
        services.AddSingleton<Infrastructure.Pdf.MandatePdf>();

        // Supporting documents: checked and cleaned on upload, their bytes in the database (docs/security.md, "Uploaded files").
        services.AddSingleton<Infrastructure.Documents.ImageCleaner>();
        services.AddSingleton<Infrastructure.Documents.DocumentInspector>();
        services.AddScoped<Infrastructure.Documents.IDocumentStore, Infrastructure.Documents.DatabaseDocumentStore>();
        return services;
    }
}
