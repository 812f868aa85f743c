using Microsoft.EntityFrameworkCore.Storage;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// A transaction that holds its writer's turn in the <see cref="SqliteWriters"/> until it ends: commit, rollback or
/// dispose (which rolls back what was not committed) lets the next writer in.
/// </summary>
public sealed class QueuedWriteTransaction(IDbContextTransaction inner, SqliteWriters.Turn turn) : IDbContextTransaction
{
    public Guid TransactionId => inner.TransactionId;

    public void Commit()
    {
        try
        {
            inner.Commit();
        }
        finally
        {
            turn.Dispose();
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.CommitAsync(cancellationToken);
        }
        finally
        {
            turn.Dispose();
        }
    }

    public void Rollback()
    {
        try
        {
            inner.Rollback();
        }
        finally
        {
            turn.Dispose();
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.RollbackAsync(cancellationToken);
        }
        finally
        {
            turn.Dispose();
        }
    }

    public void Dispose()
    {
        try
        {
            inner.Dispose();
        }
        finally
        {
            turn.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync();
        }
        finally
        {
            turn.Dispose();
        }
    }
}
