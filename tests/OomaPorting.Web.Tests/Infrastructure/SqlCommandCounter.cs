using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core sends (readers, scalars, non-queries), for tests that hold a budget, and keeps their
/// texts, for tests that compare the work of two requests.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The texts of the commands since the last <see cref="Reset"/>, in the order they were sent.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Texts { get; private set; } = new();

    public void Reset()
    {
        Interlocked.Exchange(ref _count, 0);
        Texts = new();
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    private void Record(DbCommand command)
    {
        Interlocked.Increment(ref _count);
        Texts.Enqueue(command.CommandText);
    }
}
