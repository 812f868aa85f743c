using OomaPorting.Web.Features.PortingStatus;

namespace OomaPorting.Web.Features.Support;

/// <summary>Support records the customer's wish (by phone, by e-mail) to keep the temporary number as a virtual number.</summary>
public static class KeepTemporaryNumberForCustomer
{
    public sealed class Command : ICommand, ISupportAction
    {
        public Guid Id { get; set; }

        public int Version { get; set; }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await SupportRequests.LoadForActionAsync(db, command.Id, command.Version, cancellationToken);
            r.RequestKeepTemporaryNumber(current.Actor, await KeepTemporaryNumber.HasTemporaryNumberAsync(db, r.AccountId, cancellationToken),
                time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
