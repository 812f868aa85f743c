using System.Text;
using Serilog.Debugging;
using Serilog.Sinks.File;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// The JSON log file's stream as the file sink sees it. A log line is written whole or not at all: each event's bytes
/// are held until the sink flushes the event, then written only if the disk has room for them (a line the disk has no
/// room for is dropped and reported to Serilog's own diagnostics, never thrown at the portal). Should the disk fill
/// between that check and the write (another process), the file stream writes the cut line again from where it stood
/// at its next write, and <see cref="RepairTails"/> drops a cut last line left by a process that stopped meanwhile,
/// at the next start. Closing the file on a full disk does not fail the shutdown.
/// </summary>
public sealed class LogFileHooks : FileLifecycleHooks
{
    /// <summary>Room kept beyond the line itself: a file system allocates whole blocks.</summary>
    private const long Margin = 64 * 1024;

    public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding) => new Guarded(path, underlyingStream);

    /// <summary>
    /// Cuts every log file of <paramref name="folder"/> back to its last whole line (a line ends with a line feed): run
    /// before the sink opens a file, so a line the disk or a kill cut is dropped rather than glued to the next one.
    /// </summary>
    public static void RepairTails(string folder, string pattern = "*.json")
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, pattern))
        {
            try
            {
                // Alone or not at all: a file another running instance has open (and may be writing) is left as it is.
                using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                var end = LastLineEnd(stream);
                if (end < stream.Length)
                {
                    stream.SetLength(end);
                    SelfLog.WriteLine("The log file {0} ended with a cut line ({1} bytes): dropped", file, stream.Length - end);
                }
            }
            catch (IOException e)
            {
                SelfLog.WriteLine("The log file {0} could not be checked for a cut line: {1}", file, e.Message);
            }
            catch (UnauthorizedAccessException e)
            {
                SelfLog.WriteLine("The log file {0} could not be checked for a cut line: {1}", file, e.Message);
            }
        }
    }

    /// <summary>The length up to and with the last line feed (0 when there is none).</summary>
    private static long LastLineEnd(FileStream stream)
    {
        var buffer = new byte[8192];
        var end = stream.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            stream.Position = start;
            stream.ReadExactly(buffer, 0, (int)(end - start));
            var at = Array.LastIndexOf(buffer, (byte)'\n', (int)(end - start - 1));
            if (at >= 0)
            {
                return start + at + 1;
            }

            end = start;
        }

        return 0;
    }

    private sealed class Guarded(string path, Stream inner) : Stream
    {
        private readonly MemoryStream pending = new();
        private readonly string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => pending.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => pending.Write(buffer);

        /// <summary>The sink flushes once per event: the event's line goes to the file whole, or not at all.</summary>
        public override void Flush()
        {
            try
            {
                if (pending.Length > 0)
                {
                    var free = new DriveInfo(folder).AvailableFreeSpace;
                    if (free < pending.Length + Margin)
                    {
                        SelfLog.WriteLine("The log file {0} has no room for a line of {1} bytes ({2} bytes free): dropped", path, pending.Length, free);
                        return;
                    }

                    inner.Write(pending.GetBuffer(), 0, (int)pending.Length);
                }

                inner.Flush();
            }
            catch (IOException e)
            {
                SelfLog.WriteLine("The log file {0} refused a write: {1}", path, e.Message);
            }
            finally
            {
                pending.SetLength(0);
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Flush();
                try
                {
                    inner.Dispose();
                }
                catch (IOException e)
                {
                    // The file stream's own buffer could not be written (a full disk): let go, never fail the shutdown.
                    SelfLog.WriteLine("The log file {0} refused its last write: {1}", path, e.Message);
                }

                pending.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
