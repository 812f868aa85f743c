using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Infrastructure.Mandates;

/// <summary>
/// The keys mandates are sealed with: <see cref="Current"/> seals every new mandate, <see cref="All"/> (current and
/// retired) check stored ones. From <c>Mandate:SealKey</c>, else from <c>mandate-seal.key</c> in the data folder,
/// created on first start with 32 random bytes (never in the database: that is the point of a keyed seal).
/// </summary>
public sealed class MandateSealKeys
{
    public const string FileName = "mandate-seal.key";

    public MandateSealKeys(MandateSealKey current, IEnumerable<MandateSealKey> retired)
    {
        Current = current;
        All = [current, .. retired];
    }

    public MandateSealKey Current { get; }

    public IReadOnlyCollection<MandateSealKey> All { get; }

    public static MandateSealKeys Load(IOptions<MandateOptions> options, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var current = string.IsNullOrEmpty(settings.SealKey)
            ? new MandateSealKey(ReadOrCreate(Path.Combine(dataFolder, FileName)))
            : new MandateSealKey(Convert.FromBase64String(settings.SealKey));
        return new MandateSealKeys(current, settings.RetiredSealKeys.Select(k => new MandateSealKey(Convert.FromBase64String(k))));
    }

    /// <summary>The key in <paramref name="path"/>; a new one when there is none (two instances starting at once keep the first written).</summary>
    private static byte[] ReadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            DataFolderSecret.WriteOnce(path, System.Text.Encoding.ASCII.GetBytes(
                Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))));
        }

        var text = File.ReadAllText(path).Trim();
        if (!MandateOptions.IsKey(text))
        {
            throw new InvalidOperationException($"{path} does not hold a mandate seal key (base64 of at least 32 bytes).");
        }

        return Convert.FromBase64String(text);
    }
}
