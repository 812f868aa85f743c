using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Features.AccountData;

/// <summary>
/// An account admin asks for an archive of the account's data: queued, made in the background within a minute or so,
/// offered for a few days; who may ask and how often is <see cref="AccountDataRequest"/>.
/// </summary>
public static class RequestAccountExport
{
    public sealed record Command : ICommand<Guid>;

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = current.Actor;
            AccountDataRequest.EnsureMayAsk(actor, actor.IsCustomerAdmin
                && await db.AccountExports.AnyAsync(e => e.Status == AccountExportStatus.Pending, cancellationToken));
            var accountId = current.AccountId ?? throw new NotFoundException();

            var now = time.GetUtcNow().UtcDateTime;
            var export = new AccountExport
            {
                Id = Guid.CreateVersion7(now),
                AccountId = accountId,
                RequestedByUserId = actor.UserId,
                RequestedByName = actor.DisplayName,
                RequestedAtUtc = now,
                Status = AccountExportStatus.Pending,
            };
            db.AccountExports.Add(export);
            await db.SaveChangesAsync(cancellationToken);
            return export.Id;
        }
    }
}
