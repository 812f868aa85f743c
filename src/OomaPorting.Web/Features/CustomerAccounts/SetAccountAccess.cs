using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.CustomerAccounts;

/// <summary>
/// Support disables a customer account (none of its users can sign in any more, their sessions end at once; its ports,
/// numbers and history stay) or enables it again. Audited.
/// </summary>
public static class SetAccountAccess
{
    public sealed class Command : ICommand
    {
        public Guid AccountId { get; set; }

        public bool Enabled { get; set; }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current, TimeProvider time) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var account = await db.Accounts.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == command.AccountId, cancellationToken)
                ?? throw new NotFoundException();
            if (command.Enabled)
            {
                account.Enable();
            }
            else
            {
                account.Disable();
            }

            Audit.Record(db, current.Actor, time.GetUtcNow().UtcDateTime, command.Enabled ? AuditActions.AccountEnabled : AuditActions.AccountDisabled,
                account.Id, null, account.CompanyName);
            await db.SaveChangesAsync(cancellationToken);
            if (!command.Enabled)
            {
                await AccountSessions.EndAllAsync(users, db, account.Id, "Account access", cancellationToken);
            }

            return Unit.Value;
        }
    }
}
