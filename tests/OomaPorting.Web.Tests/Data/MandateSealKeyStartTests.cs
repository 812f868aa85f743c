using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Mandates;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

/// <summary>
/// A database restored without its seal key (issue 37, point 7): the documented "copy portal.db into an empty data
/// folder" once started on a new key, and every mandate sealed before then read "sceau d'une clé que ce portail ne
/// détient pas". The portal now refuses to start, naming the files to restore, and starts with every mandate sealed
/// once they are back.
/// </summary>
public class MandateSealKeyStartTests
{
    [SqliteFact]
    public void A_database_with_sealed_mandates_and_no_seal_key_does_not_start_and_says_which_files_to_restore()
    {
        var folder = TestFolders.New("restore-");
        using (var original = new PortalFactory(folder))
        {
            using var scope = original.Services.CreateScope();
            Assert.True(scope.ServiceProvider.GetRequiredService<AppDbContext>().Mandates.IgnoreQueryFilters().Any(m => m.SealKeyId != null),
                "the demo data has no sealed mandate: the test would prove nothing");
        }

        // The operator copies portal.db alone into an empty data folder.
        var restored = TestFolders.New("restore-");
        Directory.CreateDirectory(restored);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(Path.Combine(folder, "portal.db"), Path.Combine(restored, "portal.db"));
        foreach (var log in new[] { "-wal", "-shm" }.Select(s => Path.Combine(folder, "portal.db" + s)).Where(File.Exists))
        {
            File.Copy(log, Path.Combine(restored, Path.GetFileName(log)));
        }

        using (var withoutKey = new PortalFactory(restored) { FromTemplate = false })
        {
            var refused = Record.Exception(() => withoutKey.Services)?.ToString();
            Assert.NotNull(refused);
            Assert.Contains("sealed mandates", refused, StringComparison.Ordinal);
            Assert.Contains(MandateSealKeys.FileName, refused, StringComparison.Ordinal);
            Assert.Contains(MandateSigningCertificate.FileName, refused, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(restored, MandateSealKeys.FileName)), "a new seal key was made");
        }

        // With the key back, it starts, and every mandate checks as sealed with the key it has.
        File.Copy(Path.Combine(folder, MandateSealKeys.FileName), Path.Combine(restored, MandateSealKeys.FileName));
        using var withKey = new PortalFactory(restored) { FromTemplate = false };
        using var check = withKey.Services.CreateScope();
        var keys = check.ServiceProvider.GetRequiredService<MandateSealKeys>();
        var mandates = check.ServiceProvider.GetRequiredService<AppDbContext>().Mandates.IgnoreQueryFilters().AsNoTracking().ToList();
        Assert.NotEmpty(mandates);
        Assert.All(mandates, m => Assert.Contains(keys.All, k => k.Id == m.SealKeyId));
    }
}
