using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

/// <summary>
/// Many changed lines are written as one statement (<see cref="PortLineSetSave"/>): stored exactly as EF Core's own
/// updates store them, in the save's transaction, undone with a refused save.
/// </summary>
public class PortLineSetSaveTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private static readonly Guid Martin = Guid.Parse("0b5c1e2a-6f4d-4c3b-9a1e-000000000001");
    private static readonly Actor Admin = new("set-admin", ActorRole.AccountAdmin, "A");
    private static readonly DateTime Now = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>A comment a carrier might write, with everything a literal must survive.</summary>
    private const string Comment = "L'opérateur : « non » ; '); DROP TABLE \"PortLines\"; -- {0} {{1}} € \\ 日本\nligne 2";

    private SqliteAppDbContext Context(bool setSave, SqlCommandCounter? counter = null)
    {
        var options = new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={portal.Factory.DatabasePath}")
            .AddInterceptors(SqlitePragmas.Instance);
        if (counter is not null)
        {
            options.AddInterceptors(counter);
        }

        if (setSave)
        {
            options.AddInterceptors(PortLineSetSave.Instance);
        }

        return new SqliteAppDbContext(options.Options);
    }

    private static (string, string?)[] Numbers(int block, int count) =>
        [.. Enumerable.Range(0, count).Select(i => ($"01 {block:D2} {i / 100 % 100:D2} {i / 10 % 10}{i % 10} 00", i == 0 ? "F0X123456" : null))];

    private async Task<Guid> DraftAsync(int block, int count = 300)
    {
        _ = portal.Factory.Services;
        var r = new PortRequestBuilder(Martin, Admin, Now).Lines(Numbers(block, count)).Draft();
        await using var db = Context(setSave: false);
        db.PortRequests.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    }

    /// <summary>The same changes on a request: 300 renumbered lines, then a refusal, a port date and a follow-up set on three.</summary>
    private static async Task<PortRequest> ChangeAsync(AppDbContext db, Guid id, int block, Guid followUp)
    {
        var r = await SetLinesAsync(db, id, block, 300);
        db.ChangeTracker.DetectChanges();
        var lines = db.ChangeTracker.Entries<PortLine>().OrderBy(e => e.Entity.Position).ToList();
        Set(lines[5], l => l.Status, PortLineStatus.Refused);
        Set(lines[5], l => l.RefusalReason, ReasonCode.HolderMismatch);
        Set(lines[5], l => l.RefusalComment, Comment);
        Set(lines[7], l => l.Status, PortLineStatus.Ported);
        Set(lines[7], l => l.PortedAtUtc, new DateTime(2026, 11, 28, 10, 11, 12, DateTimeKind.Utc).AddTicks(1234567));
        Set(lines[9], l => l.FollowUpRequestId, followUp);
        return r;
    }

    private static async Task<PortRequest> SetLinesAsync(AppDbContext db, Guid id, int block, int count)
    {
        var r = await db.PortRequests.IgnoreQueryFilters().Include(x => x.Lines).SingleAsync(x => x.Id == id);
        r.SetLines(Admin, [.. Numbers(block, count).Select(n => (Number: FrenchNumber.Parse(n.Item1), Rio: n.Item2))
            .Select(n => new LineInput(n.Number, n.Rio is null ? null : Rio.Parse(n.Rio + Rio.ComputeKey(n.Rio, n.Number))))], Now.AddMinutes(5));
        return r;
    }

    private static void Set<T>(EntityEntry<PortLine> entry, System.Linq.Expressions.Expression<Func<PortLine, T>> property, T value) =>
        entry.Property(property).CurrentValue = value;

    /// <summary>The rows as SQLite holds them, every column but the ids, as text.</summary>
    private List<string> Stored(Guid id)
    {
        using var connection = new SqliteConnection($"Data Source={portal.Factory.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT "Position", typeof("Number"), "Number", "Rio", "Status", "RefusalReason", "RefusalComment",
                   typeof("PortedAtUtc"), "PortedAtUtc", typeof("FollowUpRequestId"), "FollowUpRequestId", "AccountId"
            FROM "PortLines" WHERE "PortRequestId" = (SELECT "Id" FROM "PortRequests" WHERE upper("Id") = upper($id)) ORDER BY "Position"
            """;
        command.Parameters.AddWithValue("$id", id.ToString());
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : reader.GetString(i))));
        }

        return rows;
    }

    [SqliteFact]
    public async Task Many_changed_lines_are_stored_exactly_as_ef_core_stores_them_but_in_one_statement()
    {
        var followUp = Guid.Parse("019ac9a4-0000-7000-8000-00000000abcd");
        var bySet = await DraftAsync(61);
        var byEf = await DraftAsync(62);
        var setCommands = new SqlCommandCounter();
        var efCommands = new SqlCommandCounter();
        await using (var db = Context(setSave: true, setCommands))
        {
            await ChangeAsync(db, bySet, 63, followUp);
            setCommands.Reset();
            Assert.Equal(301, await db.SaveChangesAsync()); // 300 lines and the request
            Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        }

        await using (var db = Context(setSave: false, efCommands))
        {
            await ChangeAsync(db, byEf, 64, followUp);
            efCommands.Reset();
            Assert.Equal(301, await db.SaveChangesAsync());
        }

        // EF Core sent one UPDATE per line; with the set, EF Core sent only the request's (the lines went as one statement).
        Assert.True(efCommands.Count >= 300, $"EF Core alone sent {efCommands.Count} commands");
        Assert.True(setCommands.Count <= 2, $"with the set, EF Core sent {setCommands.Count} commands");

        // Stored alike, column for column (types included), but for the numbers themselves, which differ by block.
        // (the main line's RIO key follows its number)
        var set = Stored(bySet).Select(r => r.Replace("F0X123456UZJ", "RIO", StringComparison.Ordinal)).ToList();
        var ef = Stored(byEf).Select(r => r.Replace("F0X123456VP9", "RIO", StringComparison.Ordinal)).ToList();
        Assert.Equal(300, set.Count);
        Assert.Equal(ef.Select(r => r.Replace("+33164", "+33163", StringComparison.Ordinal).Replace("01 64", "01 63", StringComparison.Ordinal)), set);

        await using var read = Context(setSave: false);
        var lines = await read.PortLines.IgnoreQueryFilters().Where(l => l.PortRequestId == bySet).OrderBy(l => l.Position).ToListAsync();
        Assert.Equal(FrenchNumber.Parse("01 63 00 00 00"), lines[0].Number);
        Assert.Equal(FrenchNumber.Parse("01 63 02 99 00"), lines[299].Number);
        Assert.Equal(Comment, lines[5].RefusalComment);
        Assert.Equal(ReasonCode.HolderMismatch, lines[5].RefusalReason);
        Assert.Equal(new DateTime(2026, 11, 28, 10, 11, 12, DateTimeKind.Utc).AddTicks(1234567), lines[7].PortedAtUtc);
        Assert.Equal(followUp, lines[9].FollowUpRequestId);
        Assert.All(lines.Where(l => l.Position is not (5 or 7)), l => Assert.Equal(PortLineStatus.Pending, l.Status));
    }

    [SqliteFact]
    public async Task Lines_added_and_removed_by_the_hundred_are_stored_as_ef_core_stores_them()
    {
        // A draft of one number gets 300 (299 new lines), then keeps 10 (290 removed), by the set and by EF Core alone.
        var bySet = await DraftAsync(71, count: 1);
        var byEf = await DraftAsync(72, count: 1);
        var setCommands = new SqlCommandCounter();
        foreach (var (count, block) in new[] { (300, 0), (10, 0) })
        {
            await using (var db = Context(setSave: true, setCommands))
            {
                await SetLinesAsync(db, bySet, 73 + block, count);
                setCommands.Reset();
                await db.SaveChangesAsync();
                Assert.True(setCommands.Count <= 2, $"with the set, EF Core sent {setCommands.Count} commands");
                Assert.All(db.ChangeTracker.Entries<PortLine>(), e => Assert.Equal(EntityState.Unchanged, e.State));
                Assert.Equal(count, db.ChangeTracker.Entries<PortLine>().Count());
            }

            await using (var db = Context(setSave: false))
            {
                await SetLinesAsync(db, byEf, 74 + block, count);
                await db.SaveChangesAsync();
            }

            var set = Stored(bySet).Select(r => r.Replace("+33173", "+33174", StringComparison.Ordinal)).ToList();
            var ef = Stored(byEf);
            Assert.Equal(count, set.Count);
            Assert.Equal(ef.Select(Unkeyed), set.Select(Unkeyed));
        }

        // (the main line's RIO key follows its number)
        static string Unkeyed(string row) => System.Text.RegularExpressions.Regex.Replace(row, "F0X123456[0-9A-Z]{3}", "RIO");
    }

    [SqliteFact]
    public async Task A_refused_save_leaves_every_line_as_it_was_and_still_changed_in_the_context()
    {
        var id = await DraftAsync(65);
        var before = Stored(id);
        await using var db = Context(setSave: true);
        await ChangeAsync(db, id, 66, Guid.NewGuid());

        // Meanwhile someone else saves the request: this save's version is stale.
        await using (var other = Context(setSave: true))
        {
            var r = await other.PortRequests.IgnoreQueryFilters().Include(x => x.Lines).SingleAsync(x => x.Id == id);
            r.SetLines(Admin, [.. r.Lines.OrderBy(l => l.Position).Select(l => new LineInput(l.Number, l.Rio))], Now.AddMinutes(1));
            await other.SaveChangesAsync();
        }

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Equal(before, Stored(id));
        Assert.Null(db.Database.CurrentTransaction);
        Assert.Equal(300, db.ChangeTracker.Entries<PortLine>().Count(e => e.State == EntityState.Modified));
    }

    [SqliteFact]
    public async Task A_line_removed_meanwhile_refuses_the_save_as_a_concurrent_change_and_nothing_is_written()
    {
        var id = await DraftAsync(75);
        await using var db = Context(setSave: true);
        await ChangeAsync(db, id, 76, Guid.NewGuid());

        // Someone else removes a line behind EF Core's back (no version change): as with EF Core's own row count.
        await using (var other = Context(setSave: false))
        {
            var line = await other.PortLines.IgnoreQueryFilters().SingleAsync(l => l.PortRequestId == id && l.Position == 150);
            other.PortLines.Remove(line);
            await other.SaveChangesAsync();
        }

        var before = Stored(id);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Equal(before, Stored(id));
        Assert.Null(db.Database.CurrentTransaction);
    }

    [SqliteFact]
    public async Task Inside_the_callers_transaction_the_lines_commit_or_roll_back_with_it()
    {
        var id = await DraftAsync(67);
        var before = Stored(id);
        await using (var db = Context(setSave: true))
        {
            await using var transaction = await db.BeginWriteTransactionAsync();
            await ChangeAsync(db, id, 68, Guid.NewGuid());
            await db.SaveChangesAsync();
            Assert.Equal(transaction.TransactionId, db.Database.CurrentTransaction?.TransactionId); // the save did not end the caller's transaction
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, Stored(id));
        await using (var db = Context(setSave: true))
        {
            await using var transaction = await db.BeginWriteTransactionAsync();
            await ChangeAsync(db, id, 68, Guid.NewGuid());
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Contains("+33168029900", Stored(id)[299], StringComparison.Ordinal);
    }

    [Fact]
    public void The_sql_server_statement_is_valid_t_sql_with_every_value_cast_to_its_column()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var r = new PortRequestBuilder(Martin, Admin, Now).Lines(Numbers(69, 600)).Draft();
        db.Attach(r);
        var lines = db.ChangeTracker.Entries<PortLine>().OrderBy(e => e.Entity.Position).ToList();
        foreach (var line in lines.Skip(200))
        {
            Set(line, l => l.RefusalComment, Comment);
            Set(line, l => l.PortedAtUtc, Now);
        }

        lines[..100].ForEach(l => l.State = EntityState.Deleted);
        lines[100..200].ForEach(l => l.State = EntityState.Added);
        var statements = PortLineSetSave.Statements(db, lines).Select(x => x.Sql).ToList();
        Assert.Equal(3, statements.Count); // 100 removed, 400 changed, 100 new: one statement each
        foreach (var sql in statements)
        {
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var errors);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5).Select(e => $"line {e.Line}: {e.Message}")));
        }

        Assert.StartsWith("DELETE FROM [PortLines] WHERE [Id] IN ('", statements[0], StringComparison.Ordinal);
        Assert.Contains("UPDATE [l] SET [l].[PortedAtUtc] = CAST([v].[c1] AS datetime2), [l].[RefusalComment] = CAST([v].[c2] AS nvarchar(2000))",
            statements[1], StringComparison.Ordinal);
        Assert.Contains("ON [l].[Id] = CAST([v].[c0] AS uniqueidentifier)", statements[1], StringComparison.Ordinal);
        Assert.Contains("N'L''opérateur", statements[1], StringComparison.Ordinal);
        Assert.StartsWith("INSERT INTO [PortLines] ([Id], [AccountId], ", statements[2], StringComparison.Ordinal);
        Assert.Equal(100, statements[2].Split("\n").Length - 1);
    }
}
