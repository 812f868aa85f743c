namespace OomaPorting.Web.Features.CustomerAccounts;

/// <summary>
/// A support admin reopens a closed account (closed by mistake, or the customer came back) as long as its data are not
/// erased (<see cref="Domain.Accounts.Account.Reopen"/>). Its access stays off until support enables it; revoked API keys stay revoked. Audited.
/// </summary>
public static class ReopenCustomerAccount
{
    public sealed record Command(Guid AccountId) : ICommand;

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var account = await db.Accounts.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == command.AccountId, cancellationToken)
                ?? throw new NotFoundException();
            account.Reopen(current.Actor);
            Audit.Record(db, current.Actor, time.GetUtcNow().UtcDateTime, AuditActions.AccountReopened, account.Id, null, account.CompanyName);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
