using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OomaPorting.Domain.Porting;

namespace OomaPorting.Web.Data;

/// <summary>
/// Writes the lines of requests a save adds, changes or removes as a few statements when there are many (a 1,000-number
/// paste, a block ported at its test call, a refusal of hundreds): EF Core sends one statement per row and does not
/// batch them on SQLite, which held SQLite's single write lock for 30 to 90 ms per 1,000-line save. Here the removed
/// lines go as one <c>DELETE … IN</c>, the changed ones as a table of values joined on their key
/// (<c>UPDATE … FROM (VALUES …)</c>), the new ones as one <c>INSERT … VALUES</c>, 500 rows a statement, with literals
/// written by each column's own type mapping, so that every value is stored exactly as EF Core would store it. The
/// rest of the save (the request, its events, the outbox) is EF Core's as always, in the same transaction: the
/// statements and the save commit together or not at all, and a refused save (the request's version) rolls the lines
/// back too.
/// </summary>
/// <remarks>
/// Registered after every other save interceptor, so that those (the e-mails, the webhooks) still see the lines as
/// changed. Inside a transaction the caller opened, it writes in it and leaves the commit to the caller; otherwise the
/// transaction it opens is ended by <see cref="AppDbContext"/>'s <c>SaveChanges</c> once EF Core's part is done or failed.
/// </remarks>
public sealed class PortLineSetSave : SaveChangesInterceptor
{
    /// <summary>Lines written from which the set is worth it: below, EF Core's own statements are as quick.</summary>
    public const int Threshold = 20;

    /// <summary>Rows per statement: a statement stays well under any provider's limits.</summary>
    public const int RowsPerStatement = 500;

    public static PortLineSetSave Instance { get; } = new();

    private PortLineSetSave()
    {
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db && Changed(db) is { Count: >= Threshold } lines)
        {
            try
            {
                if (db.Database.CurrentTransaction is null)
                {
                    db.LineSetTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
                }

                foreach (var statement in Statements(db, lines))
                {
                    await using var command = Command(db, statement.Sql);
                    Check(statement, await command.ExecuteNonQueryAsync(cancellationToken));
                }

                Accept(db, lines);
            }
            catch
            {
                await EndAsync(db, commit: false, CancellationToken.None);
                throw;
            }
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is AppDbContext db && Changed(db) is { Count: >= Threshold } lines)
        {
            try
            {
                if (db.Database.CurrentTransaction is null)
                {
                    db.LineSetTransaction = db.Database.BeginTransaction();
                }

                foreach (var statement in Statements(db, lines))
                {
                    using var command = Command(db, statement.Sql);
                    Check(statement, command.ExecuteNonQuery());
                }

                Accept(db, lines);
            }
            catch
            {
                EndAsync(db, commit: false).AsTask().GetAwaiter().GetResult();
                throw;
            }
        }

        return result;
    }

    /// <summary>
    /// The lines this save writes: removed, changed, and new ones of a request already stored (a new request's lines
    /// stay EF Core's, which inserts the request first).
    /// </summary>
    private static List<EntityEntry<PortLine>> Changed(AppDbContext db)
    {
        if (db.ChangeTracker.AutoDetectChangesEnabled)
        {
            db.ChangeTracker.DetectChanges();
        }

        var newRequests = db.ChangeTracker.Entries<PortRequest>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        return [.. db.ChangeTracker.Entries<PortLine>().Where(e => e.State is EntityState.Modified or EntityState.Deleted
            || (e.State == EntityState.Added && !newRequests.Contains(e.Entity.PortRequestId)))];
    }

    /// <summary>The lines are written: EF Core leaves them alone, and they are remembered (with their state) until the save ends.</summary>
    private static void Accept(AppDbContext db, List<EntityEntry<PortLine>> lines)
    {
        db.LinesSavedAsSet = [.. lines.Select(l => (l, l.State))];
        foreach (var line in lines)
        {
            line.State = line.State == EntityState.Deleted ? EntityState.Detached : EntityState.Unchanged;
        }
    }

    /// <summary>
    /// The save is over (<see cref="AppDbContext"/> calls this after every save, done or failed): the transaction this
    /// opened, if any, committed or rolled back. On failure the lines are changed again in the tracker, as EF Core
    /// leaves the rest of a failed save. Returns how many lines it wrote.
    /// </summary>
    internal static async ValueTask<int> EndAsync(AppDbContext db, bool commit, CancellationToken cancellationToken = default)
    {
        var lines = db.LinesSavedAsSet;
        var transaction = db.LineSetTransaction;
        db.LinesSavedAsSet = null;
        db.LineSetTransaction = null;
        if (transaction is not null)
        {
            await using (transaction)
            {
                if (commit)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                else
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                }
            }
        }

        if (!commit)
        {
            foreach (var (line, state) in lines ?? [])
            {
                line.State = state;
            }
        }

        return commit ? lines?.Count ?? 0 : 0;
    }

    /// <summary>One statement and the lines it writes: each must touch exactly one row.</summary>
    public sealed record Statement(string Sql, IReadOnlyList<EntityEntry<PortLine>> Lines);

    /// <summary>
    /// As EF Core does for each row: a line removed or changed that is no longer there (someone else removed it
    /// meanwhile) refuses the whole save as a concurrent change, the house's one answer to it.
    /// </summary>
    private static void Check(Statement statement, int rows)
    {
        if (rows != statement.Lines.Count)
        {
            throw new DbUpdateConcurrencyException(
                $"Writing {statement.Lines.Count} lines of requests touched {rows} rows: some were removed or added meanwhile.");
        }
    }

    private static DbCommand Command(AppDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
        }

        return command;
    }

    /// <summary>
    /// The statements that write <paramref name="lines"/>: deletions, then updates of the columns any changed line
    /// changed, matched on the key, then insertions of every column.
    /// </summary>
    public static IEnumerable<Statement> Statements(AppDbContext db, IReadOnlyList<EntityEntry<PortLine>> lines)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lines);
        var entity = db.Model.FindEntityType(typeof(PortLine))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var sql = db.GetService<ISqlGenerationHelper>();
        var target = sql.DelimitIdentifier(table.Name, table.Schema);
        string Literal(EntityEntry<PortLine> line, IProperty p) => p.GetRelationalTypeMapping().GenerateSqlLiteral(line.Property(p.Name).CurrentValue);
        string Row(EntityEntry<PortLine> line, IEnumerable<IProperty> properties) => "(" + string.Join(", ", properties.Select(p => Literal(line, p))) + ")";

        foreach (var chunk in lines.Where(l => l.State == EntityState.Deleted).Chunk(RowsPerStatement))
        {
            yield return new($"DELETE FROM {target} WHERE {sql.DelimitIdentifier(key.GetColumnName(table)!)} IN ({string.Join(", ", chunk.Select(l => Literal(l, key)))})", chunk);
        }

        var changed = lines.Where(l => l.State == EntityState.Modified).ToList();
        var columns = entity.GetProperties().Where(p => !p.IsPrimaryKey() && changed.Any(l => l.Property(p.Name).IsModified)).ToList();
        if (columns.Count == 0)
        {
            // Marked changed with nothing changed (a property set to its own value): the whole row, to be safe.
            columns = [.. entity.GetProperties().Where(p => !p.IsPrimaryKey())];
        }

        var sqlServer = db.Database.IsSqlServer();
        foreach (var chunk in changed.Chunk(RowsPerStatement))
        {
            var values = string.Join(",\n", chunk.Select(l => Row(l, new[] { key }.Concat(columns))));
            yield return new(sqlServer ? SqlServer(sql, table, key, columns, values) : Sqlite(sql, table, key, columns, values), chunk);
        }

        var all = entity.GetProperties().ToList();
        var names = string.Join(", ", all.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)));
        foreach (var chunk in lines.Where(l => l.State == EntityState.Added).Chunk(RowsPerStatement))
        {
            yield return new($"INSERT INTO {target} ({names}) VALUES\n{string.Join(",\n", chunk.Select(l => Row(l, all)))}", chunk);
        }
    }

    private static string Sqlite(ISqlGenerationHelper sql, StoreObjectIdentifier table, IProperty key, List<IProperty> columns, string values)
    {
        // SQLite names a VALUES table's columns column1, column2, … : the key is column1.
        var target = sql.DelimitIdentifier(table.Name, table.Schema);
        var text = new StringBuilder($"UPDATE {target} SET ");
        text.AppendJoin(", ", columns.Select((p, i) => $"{sql.DelimitIdentifier(p.GetColumnName(table)!)} = \"v\".\"column{i + 2}\""));
        text.Append(CultureInfo.InvariantCulture, $"\nFROM (VALUES\n{values}) AS \"v\"\nWHERE {target}.{sql.DelimitIdentifier(key.GetColumnName(table)!)} = \"v\".\"column1\"");
        return text.ToString();
    }

    private static string SqlServer(ISqlGenerationHelper sql, StoreObjectIdentifier table, IProperty key, List<IProperty> columns, string values)
    {
        // Each value is cast to its column's type: a VALUES column of literals (or of NULLs only) has a type of its own.
        var all = new[] { key }.Concat(columns).ToList();
        var names = string.Join(", ", all.Select((_, i) => $"[c{i}]"));
        var text = new StringBuilder("UPDATE [l] SET ");
        text.AppendJoin(", ", columns.Select((p, i) => $"[l].{sql.DelimitIdentifier(p.GetColumnName(table)!)} = CAST([v].[c{i + 1}] AS {p.GetColumnType()})"));
        text.Append(CultureInfo.InvariantCulture, $"\nFROM {sql.DelimitIdentifier(table.Name, table.Schema)} AS [l]\nINNER JOIN (VALUES\n{values}) AS [v]({names})");
        text.Append(CultureInfo.InvariantCulture, $"\nON [l].{sql.DelimitIdentifier(key.GetColumnName(table)!)} = CAST([v].[c0] AS {key.GetColumnType()});");
        return text.ToString();
    }
}
