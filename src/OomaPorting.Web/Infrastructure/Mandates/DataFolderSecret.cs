namespace OomaPorting.Web.Infrastructure.Mandates;

/// <summary>A secret the portal makes in its data folder on first start: written once, readable by the portal's user only.</summary>
internal static class DataFolderSecret
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> unless a file is there (two instances starting at once keep the first written).</summary>
    public static void WriteOnce(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            file.Write(content);
            file.Flush(flushToDisk: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
        }
    }
}
