using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// SQLite lets one writer in at a time; the others wait in its busy handler, which sleeps and retries (1, 2, 5 … up to
/// 100 ms a try) with no order: under a few concurrent writers some wait a second or more while newcomers slip in.
/// This class lines the portal's own writers up first, in arrival order (<see cref="SemaphoreSlim"/> releases its
/// asynchronous waiters first in, first out), so each waits for the writes ahead of it and no longer. One line per
/// database file: an instance's writers queue here, and another process's writers still meet them at SQLite's lock.
/// </summary>
/// <remarks>
/// Entered by <see cref="Data.SqliteAppDbContext"/> around a <c>SaveChanges</c> that writes and by
/// <see cref="Data.AppDbContext.BeginWriteTransactionAsync"/>. A writer that already holds a transaction does not enter
/// again (a turn is not re-entrant, and SQLite's lock would hold it up the same way). Bulk
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> of the background jobs go straight to SQLite's lock.
/// </remarks>
public static class SqliteWriters
{
    /// <summary>As long as SQLite's own busy timeout (<see cref="SqlitePragmas"/>): a writer never waits longer here than there.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Lines = new(StringComparer.Ordinal);

    /// <summary>The queue's key for a connection string: its database file, as a full path.</summary>
    public static string KeyOf(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return source.Length == 0 || source.StartsWith(':') || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? source
            : Path.GetFullPath(source);
    }

    /// <summary>Waits for this writer's turn; disposing the result lets the next one in.</summary>
    public static async ValueTask<Turn> EnterAsync(string key, CancellationToken ct)
    {
        var line = LineOf(key);
        return await line.WaitAsync(Timeout, ct) ? new Turn(line) : throw TimedOut();
    }

    /// <inheritdoc cref="EnterAsync"/>
    public static Turn Enter(string key)
    {
        var line = LineOf(key);
        return line.Wait(Timeout) ? new Turn(line) : throw TimedOut();
    }

    private static SemaphoreSlim LineOf(string key) => Lines.GetOrAdd(key, static _ => new SemaphoreSlim(1, 1));

    private static TimeoutException TimedOut() => new($"A database write waited {Timeout.TotalSeconds:0} s for its turn.");

    /// <summary>A writer's turn; released once, however many times it is disposed.</summary>
    public sealed class Turn(SemaphoreSlim queue) : IDisposable
    {
        private SemaphoreSlim? _queue = queue;

        public void Dispose() => Interlocked.Exchange(ref _queue, null)?.Release();
    }
}
