using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Keeps a SQLite portal honest when its database file is taken away, becomes unreadable or fails, and lets it heal
/// without a restart (docs/operations.md, "When things fail"):
/// <list type="bullet">
/// <item>connections open the existing file only (<see cref="Database.SqliteConnectionString"/>: no create; the start-up
/// alone creates and migrates), so a missing file is never replaced by an empty database;</item>
/// <item>every open checks that the file is still at its path (a stat, a few microseconds): a pooled connection would
/// otherwise go on reading and writing a file moved away (writes an operator restoring a backup would lose);</item>
/// <item>after a failed open or a command that failed for the file's sake (cannot open, I/O error, not a database,
/// corrupt, read-only, disk full, permission, a vanished table), every pool is cleared, so that the next connections
/// open the file afresh once it is back;</item>
/// <item>each such fault is told to readiness (<see cref="Health.StorageHealth"/>) and logged as an Error with its cause;
/// a full disk is named as such whatever SQLite's own words (it may report one as "disk I/O error", e.g. when the
/// write-ahead log's index cannot grow).</item>
/// </list>
/// </summary>
public sealed class SqliteFaultGuard(ILogger<SqliteFaultGuard> logger, Health.StorageHealth storage, string connectionString)
    : DbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor, ISaveChangesInterceptor
{
    /// <summary>Below this much free room on the database's disk, a file fault is told as the disk being full.</summary>
    private const long FullBelowBytes = 1024 * 1024;

    // SQLite's primary result codes that say the file itself is wrong (https://sqlite.org/rescode.html).
    private const int Perm = 3, ReadOnly = 8, IoErr = 10, Corrupt = 11, CantOpen = 14, Full = 13, NotADb = 26;

    private readonly string databasePath = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private string DatabaseFolder => Path.GetDirectoryName(databasePath)!;

    public override InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        RequireFile(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        RequireFile(connection);
        return ValueTask.FromResult(result);
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Clear(eventData.Exception);
    }

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Clear(eventData.Exception);
        return Task.CompletedTask;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        ClearIfFileFault(eventData.Exception);
    }

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        CommandFailed(command, eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A commit that failed for the file's sake: in WAL mode the pages reach the disk at commit, so a full disk is
    /// first seen here, not by a command.
    /// </summary>
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        ClearIfFileFault(eventData.Exception);
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A save that failed for the file's sake while its results were read (SQLite reports a full disk on the read of an
    /// INSERT's RETURNING rows, after the command itself was accepted).
    /// </summary>
    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        ClearIfFileFault(eventData.Exception.InnerException);
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Why the database would refuse a write now, or null when it takes one: the file is at its path and the system
    /// grants this process read and write on it, its write-ahead log files and its folder (<see cref="UnixFileAccess"/>;
    /// a connection cannot tell, as SQLite reuses the descriptors already open). Readiness asks it at every probe: a
    /// refusal is remembered as a fault and clears the pools at once (connections opened before a permission was taken
    /// away would otherwise go on writing while new ones fail), and every open is then checked the same way until the
    /// cause is gone; an answer of null lets readiness forget a fault as soon as its cause is gone. A full disk is not
    /// seen by it: readiness checks the free room for that.
    /// </summary>
    public string? WriteRefusal()
    {
        if (databasePath.EndsWith(":memory:", StringComparison.Ordinal))
        {
            return null;
        }

        if (!File.Exists(databasePath))
        {
            return "the database file is missing";
        }

        if (AccessRefusal() is not { } refusal)
        {
            return null;
        }

        SqliteConnection.ClearAllPools();
        if (storage.RecentFault() != refusal)
        {
            logger.LogError("The database refuses a write ({Cause}): the connection pools are cleared", refusal);
        }

        storage.Failed(refusal);
        return refusal;
    }

    private string? AccessRefusal()
    {
        foreach (var file in (string[])[databasePath, databasePath + "-wal", databasePath + "-shm"])
        {
            if (!UnixFileAccess.CanReadWrite(file) && (file == databasePath || File.Exists(file)))
            {
                return $"this process may not read and write {file} (its permissions or owner)";
            }
        }

        return UnixFileAccess.CanReadWrite(DatabaseFolder) ? null : $"this process may not write in {DatabaseFolder} (its permissions or owner)";
    }

    /// <summary>Whether <paramref name="exception"/> says the database file itself is missing, unreadable, full or damaged.</summary>
    public static bool IsFileFault(Exception? exception) => exception is SqliteException e
        && (e.SqliteErrorCode is Perm or ReadOnly or IoErr or Corrupt or CantOpen or Full or NotADb
            || (e.SqliteErrorCode == 1 && e.Message.Contains("no such table", StringComparison.Ordinal)));

    private void RequireFile(DbConnection connection)
    {
        if (connection is SqliteConnection { DataSource: { Length: > 0 } path } && path != ":memory:" && !File.Exists(path))
        {
            SqliteConnection.ClearAllPools();
            storage.Failed("the database file is missing");
            logger.LogError("The database file {Path} is missing: every request that needs it fails until it is back", path);
            throw new SqliteException($"The database file {path} is missing.", CantOpen);
        }

        // While a fault is remembered, each open asks the system too: SQLite would reuse a descriptor opened before a
        // permission was taken away.
        if (storage.RecentFault() is not null && connection is SqliteConnection { DataSource: { Length: > 0 } } && AccessRefusal() is { } refusal)
        {
            throw new SqliteException(refusal, Perm);
        }
    }

    private void ClearIfFileFault(Exception? exception)
    {
        if (exception is not null && IsFileFault(exception))
        {
            Clear(exception);
        }
    }

    private void Clear(Exception exception)
    {
        SqliteConnection.ClearAllPools();
        var cause = Cause(exception);
        // Only a cause the readiness probe can see gone (a permission, a file that could not be opened) is forgotten when
        // the probe passes; an I/O error, a full or damaged file is remembered for StorageHealth.Memory.
        storage.Failed(cause, healsWhenWritable: exception is SqliteException { SqliteErrorCode: Perm or ReadOnly or CantOpen });
        logger.LogError(exception, "A database fault ({Cause}): the connection pool is cleared so the portal reopens the file once it is sound again", cause);
    }

    /// <summary>The fault in an operator's words: the disk being full comes first when it is, whatever SQLite said.</summary>
    private string Cause(Exception exception)
    {
        long? free = null;
        try
        {
            free = new DriveInfo(DatabaseFolder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The folder itself is gone or unreadable: SQLite's words are all there is.
        }

        return free < FullBelowBytes || exception is SqliteException { SqliteErrorCode: Full }
            ? $"the data folder's disk is full ({(free ?? 0) / 1024} KB free): {exception.Message}"
            : exception.Message;
    }
}
