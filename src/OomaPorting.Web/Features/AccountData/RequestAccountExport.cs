namespace OomaPorting.Web.Features.AccountData;

/// <summary>
/// An account admin asks for an archive of the account's data: queued, made in the background within a minute or so,
/// offered for <see cref="AccountExport.OfferedDays"/> days. One at a time: a second request while one is being made is refused.
/// </summary>
public static class RequestAccountExport
{
    public sealed record Command : ICommand<Guid>;

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = current.Actor;
            if (!actor.IsCustomerAdmin)
            {
                throw new DomainException("Export.NotAllowed", "Only an admin of the account asks for its data.");
            }

            var accountId = current.AccountId ?? throw new NotFoundException();
            if (await db.AccountExports.AnyAsync(e => e.Status == AccountExportStatus.Pending, cancellationToken))
            {
                throw new DomainException("Export.Running", "An archive of this account is being made already.");
            }

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
