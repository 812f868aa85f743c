using System.Text;
using Serilog.Debugging;
using Serilog.Sinks.File;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// The JSON log file's stream as the file sink sees it: a write the disk refuses (full, gone) is reported to Serilog's
/// own diagnostics and dropped, never thrown at the portal, and closing the file on a full disk does not fail the
/// shutdown (the file stream's buffer, which it could not write, is let go). A line the disk cut is completed at the
/// next write that fits: the file stream writes its buffer again from where it stood.
/// </summary>
public sealed class LogFileHooks : FileLifecycleHooks
{
    public override Stream OnFileOpened(string path, Stream underlyingStream, Encoding encoding) => new Guarded(path, underlyingStream);

    private sealed class Guarded(string path, Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Flush() => Guard(inner.Flush);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Guard(inner.Dispose);
            }

            base.Dispose(disposing);
        }

        private void Guard(Action write)
        {
            try
            {
                write();
            }
            catch (IOException e)
            {
                SelfLog.WriteLine("The log file {0} refused a write: {1}", path, e.Message);
            }
        }
    }
}
