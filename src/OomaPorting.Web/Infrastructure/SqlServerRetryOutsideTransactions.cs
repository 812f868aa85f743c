using Microsoft.EntityFrameworkCore.Storage;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// SQL Server's execution strategy: a command or a save that meets a transient failure (a dropped connection, a
/// failover, a deadlock victim) is tried again, as EF Core's retrying strategy does; but inside a transaction the
/// portal opened itself (<see cref="Data.AppDbContext.BeginWriteTransactionAsync"/>: sign-up, signature, invitations;
/// a save of many lines) nothing is retried, since only the whole unit could be, and the failure reaches the caller.
/// EF Core's own strategy refuses any command inside such a transaction ("does not support user-initiated
/// transactions"), which would have made those pages fail on SQL Server every time.
/// </summary>
public sealed class SqlServerRetryOutsideTransactions(ExecutionStrategyDependencies dependencies)
    : SqlServerRetryingExecutionStrategy(dependencies)
{
    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override void OnFirstExecution()
    {
        if (InTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }

        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception exception) => !InTransaction && base.ShouldRetryOn(exception);
}
