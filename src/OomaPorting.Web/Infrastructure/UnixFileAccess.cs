using System.Runtime.InteropServices;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Whether this process may read and write a file, asked of the system without opening it (<c>access(2)</c>): opening
/// and closing a SQLite file beside SQLite's own connections would drop the locks they hold on it (POSIX locks belong to
/// the process, and any close releases them), and SQLite itself reuses an already open descriptor, so a permission
/// taken away is not seen by a new connection while others are open.
/// </summary>
public static class UnixFileAccess
{
    private const int ReadOk = 4, WriteOk = 2;

    /// <summary>True where the system grants read and write (always on Windows, which this check does not cover).</summary>
    public static bool CanReadWrite(string path) => OperatingSystem.IsWindows() || Access(path, ReadOk | WriteOk) == 0;

    [DllImport("libc", EntryPoint = "access", SetLastError = true, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);
}
