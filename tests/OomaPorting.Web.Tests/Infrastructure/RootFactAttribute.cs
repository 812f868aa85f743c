namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// A test that needs root (it mounts a size-limited file system to fill a disk for real). CI runs as root; elsewhere
/// the test is skipped, saying why.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "Needs root on Linux to mount a size-limited file system (CI runs as root).";
        }
    }
}
