using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;
using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Features.CustomerAccounts;

/// <summary>
/// A support admin closes the account of a customer who left (<see cref="Domain.Accounts.Account.Close"/>): none of its users can sign
/// in any more (their sessions end at once), its API keys are revoked, and its personal data are erased by the
/// retention job <c>Retention:ClosedAccountAfterMonths</c> later. Refused while a port is under way. Audited.
/// </summary>
public static class CloseCustomerAccount
{
    public sealed class Command : ICommand
    {
        public Guid AccountId { get; set; }

        public string? Reason { get; set; }

        /// <summary>The agent ticked "I understand its data will be erased".</summary>
        public bool Confirmed { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Reason).Satisfies(Domain.Accounts.Account.CheckClosingReason, text);
            RuleFor(c => c.Confirmed).Equal(true).WithMessage(_ => text["CustomerAccounts.Close.Confirm.Required"]);
        }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current, TimeProvider time) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var account = await db.Accounts.IgnoreQueryFilters().FirstOrDefaultAsync(a => a.Id == command.AccountId, cancellationToken)
                ?? throw new NotFoundException();
            var underWay = await db.PortRequests.IgnoreQueryFilters()
                .CountAsync(r => r.AccountId == account.Id && PortRequestStatuses.UnderWay.Contains(r.Status), cancellationToken);
            var actor = current.Actor;
            var now = time.GetUtcNow().UtcDateTime;
            account.Close(actor, command.Reason, underWay, now);
            foreach (var key in await db.ApiKeys.IgnoreQueryFilters().Where(k => k.AccountId == account.Id && k.RevokedAtUtc == null).ToListAsync(cancellationToken))
            {
                key.Revoke(actor, now);
            }

            Audit.Record(db, actor, now, AuditActions.AccountClosed, account.Id, null, account.ClosingReason ?? string.Empty);
            await db.SaveChangesAsync(cancellationToken);
            await AccountSessions.EndAllAsync(users, db, account.Id, "Account closing", cancellationToken);

            return Unit.Value;
        }
    }
}
