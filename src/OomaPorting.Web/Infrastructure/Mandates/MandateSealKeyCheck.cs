using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Infrastructure.Mandates;

/// <summary>
/// The start-up's check that the seal key of the stored mandates is there before a new one could be made: a database
/// restored into a data folder without its <c>mandate-seal.key</c> (and no <c>Mandate:SealKey</c>) holds mandates sealed
/// with a key this portal would not have, and a new key would make every one of them read "sealed with a key this portal
/// does not hold". The portal then refuses to start, naming the files to restore (docs/operations.md, "Backup and restore").
/// </summary>
public static class MandateSealKeyCheck
{
    public static async Task EnsureAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<MandateOptions>>().Value;
        var configuration = services.GetRequiredService<IConfiguration>();
        var folder = Database.DataFolder(configuration, services.GetRequiredService<IWebHostEnvironment>().ContentRootPath);
        var keyFile = Path.Combine(folder, MandateSealKeys.FileName);
        if (string.IsNullOrEmpty(options.SealKey) && !File.Exists(keyFile))
        {
            await using var scope = services.CreateAsyncScope();
            var sealedMandates = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Mandates.IgnoreQueryFilters()
                .CountAsync(m => m.SealKeyId != null);
            if (sealedMandates > 0)
            {
                throw new InvalidOperationException(
                    $"The database holds {sealedMandates} sealed mandates but {keyFile} is missing and Mandate:SealKey is not set. "
                    + $"Restore {MandateSealKeys.FileName} (and {MandateSigningCertificate.FileName}) from the backup into {folder}, "
                    + "or set Mandate:SealKey to the key they were sealed with. Starting now would make a new key, and every stored "
                    + "mandate would then read as sealed with a key this portal does not hold.");
            }
        }

        // Read (or, on a first start, made) now, before any request seals a mandate with it.
        services.GetRequiredService<MandateSealKeys>();
    }
}
