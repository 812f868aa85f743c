using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>
/// "Keep my temporary number": until the test call, the admin asks to keep the account's temporary number as a virtual
/// number (9,95 € a month incl. VAT unless it is a user's first number). Recorded in the request's history; the
/// completed port then keeps it on the account instead of releasing it.
/// </summary>
public static class KeepTemporaryNumber
{
    public sealed class Command : ICommand
    {
        public Guid Id { get; set; }

        /// <summary>The request's version on the page the admin saw.</summary>
        public int Version { get; set; }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await db.PortRequests.FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
            if (r.Version != command.Version)
            {
                throw new ConcurrentChangeException();
            }

            r.RequestKeepTemporaryNumber(current.Actor, await HasTemporaryNumberAsync(db, r.AccountId, cancellationToken), time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }

    /// <summary>Whether the account still has its temporary number (a completed port released it or kept it as virtual).</summary>
    public static Task<bool> HasTemporaryNumberAsync(AppDbContext db, Guid accountId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AccountNumbers.IgnoreQueryFilters().AnyAsync(n => n.AccountId == accountId && n.Kind == AccountNumberKind.Temporary, ct);
    }
}
