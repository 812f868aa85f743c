using Microsoft.EntityFrameworkCore.Storage;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Data;

/// <summary>
/// The SQLite context: its own migration set, and its writers lined up in the <see cref="SqliteWriters"/> so that
/// they take SQLite's single write lock in arrival order.
/// </summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    // The same for every lease of this pool (one connection string), so kept across leases.
    private string? _queueKey;

    private string QueueKey => _queueKey ??= SqliteWriters.KeyOf(Database.GetConnectionString() ?? string.Empty);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        using var turn = await SqliteWriters.EnterAsync(QueueKey, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null || !ChangeTracker.HasChanges())
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var turn = SqliteWriters.Enter(QueueKey);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken cancellationToken = default)
    {
        var turn = await SqliteWriters.EnterAsync(QueueKey, cancellationToken);
        try
        {
            return new QueuedWriteTransaction(await Database.BeginTransactionAsync(cancellationToken), turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }
}
