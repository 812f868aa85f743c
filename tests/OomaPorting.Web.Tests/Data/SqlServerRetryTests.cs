using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

/// <summary>
/// The portal's own transactions (sign-up, signature, invitations, a save of many lines) must run on SQL Server with
/// its retrying strategy: EF Core's stock one refuses any command inside them. No server is needed to see it: the
/// strategy decides before the first command, from the context's current transaction.
/// </summary>
public class SqlServerRetryTests
{
    /// <summary>A transaction on the context's connection that never reaches a server.</summary>
    private sealed class UnsentTransaction(DbConnection connection) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => IsolationLevel.ReadCommitted;

        protected override DbConnection DbConnection => connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }

    /// <summary>A connection that says it is open and runs nothing: the strategy's decision is all there is to see.</summary>
    private sealed class OpenConnection : DbConnection
    {
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string ConnectionString { get; set; } = string.Empty;

        public override string Database => "none";

        public override string DataSource => "none";

        public override string ServerVersion => "16.0";

        public override ConnectionState State => ConnectionState.Open;

        public override void ChangeDatabase(string databaseName)
        {
        }

        public override void Close()
        {
        }

        public override void Open()
        {
        }

        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new UnsentTransaction(this);

        protected override DbCommand CreateDbCommand() => throw new NotSupportedException("No command is sent in these tests.");
    }

    private static SqlServerAppDbContext Context(Action<Microsoft.EntityFrameworkCore.Infrastructure.SqlServerDbContextOptionsBuilder> sqlServer) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>().UseSqlServer(new OpenConnection(), sqlServer).Options);

    [Fact]
    public void Inside_the_portals_own_transaction_a_unit_runs_once_without_retry()
    {
        using var db = Context(Database.UseSqlServerOptions);
        db.Database.UseTransaction(new UnsentTransaction(db.Database.GetDbConnection()));
        var runs = 0;
        var strategy = db.Database.CreateExecutionStrategy();
        Assert.True(strategy.RetriesOnFailure);
        Assert.Equal(1, strategy.Execute(() => ++runs));

        // A transient failure inside it is not retried (only the whole unit could be): it reaches the caller at once.
        var timeout = new TimeoutException("transient");
        Assert.Same(timeout, Assert.Throws<TimeoutException>(() => strategy.Execute(() => { runs++; throw timeout; })));
        Assert.Equal(2, runs);
    }

    [Fact]
    public void Outside_a_transaction_a_transient_failure_is_retried()
    {
        using var db = Context(Database.UseSqlServerOptions);
        var runs = 0;
        var result = db.Database.CreateExecutionStrategy().Execute(() => ++runs < 2 ? throw new TimeoutException("transient") : runs);
        Assert.Equal(2, result);
    }

    [Fact]
    public void The_stock_strategy_refuses_the_same_transaction()
    {
        // The control: what the portal used before (EnableRetryOnFailure) fails there, before any command.
        using var db = Context(s => s.EnableRetryOnFailure());
        db.Database.UseTransaction(new UnsentTransaction(db.Database.GetDbConnection()));
        var refused = Assert.Throws<InvalidOperationException>(() => db.Database.CreateExecutionStrategy().Execute(() => 1));
        Assert.Contains("user-initiated transactions", refused.Message, StringComparison.Ordinal);
    }
}
