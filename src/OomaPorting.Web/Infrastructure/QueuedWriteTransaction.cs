using Microsoft.EntityFrameworkCore.Storage;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// A transaction that holds its writer's turn in <see cref="SqliteWriters"/> until it ends: commit, rollback or
/// dispose (which rolls back what was not committed) lets the next writer in, whether or not the ending succeeded.
/// </summary>
public sealed class QueuedWriteTransaction(IDbContextTransaction inner, SqliteWriters.Turn turn) : IDbContextTransaction
{
    public Guid TransactionId => inner.TransactionId;

    public void Commit() => Ending(inner.Commit);

    public Task CommitAsync(CancellationToken cancellationToken = default) => EndingAsync(() => inner.CommitAsync(cancellationToken));

    public void Rollback() => Ending(inner.Rollback);

    public Task RollbackAsync(CancellationToken cancellationToken = default) => EndingAsync(() => inner.RollbackAsync(cancellationToken));

    public void Dispose() => Ending(inner.Dispose);

    public async ValueTask DisposeAsync() => await EndingAsync(async () => await inner.DisposeAsync());

    private void Ending(Action end)
    {
        try
        {
            end();
        }
        finally
        {
            turn.Dispose();
        }
    }

    private async Task EndingAsync(Func<Task> end)
    {
        try
        {
            await end();
        }
        finally
        {
            turn.Dispose();
        }
    }
}
