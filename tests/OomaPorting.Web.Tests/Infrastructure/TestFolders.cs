namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// The data folders of one test process, under one folder of the run (<c>ooma-tests/run-{process}</c>) that is deleted
/// when the process ends: a run leaves nothing behind (a full run makes about 400 portals' folders).
/// </summary>
public static class TestFolders
{
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "ooma-tests", $"run-{Environment.ProcessId}");

    static TestFolders() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    };

    /// <summary>A new folder's path (not created), named <paramref name="prefix"/> and a new id.</summary>
    public static string New(string prefix = "") => Path.Combine(Root, prefix + Guid.NewGuid().ToString("N"));

    /// <summary>The repository's root (the folder of <c>OomaPorting.sln</c>), for tests that read or check its documents.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OomaPorting.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository's root was not found.");
    }
}
