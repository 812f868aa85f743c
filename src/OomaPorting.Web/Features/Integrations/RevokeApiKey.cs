using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Features.Integrations;

/// <summary>
/// An account admin revokes one of the account's API keys, or support revokes a customer's key (from the account's
/// page): calls with it are refused at once (401). Audited, with who did it.
/// </summary>
public static class RevokeApiKey
{
    public sealed class Command : ICommand
    {
        public Guid KeyId { get; set; }

        /// <summary>The account the key belongs to, when support acts; an admin's own account otherwise.</summary>
        public Guid? AccountId { get; set; }
    }

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = current.Actor;
            var keys = actor.IsSupport ? db.ApiKeys.IgnoreQueryFilters().Where(k => k.AccountId == command.AccountId) : db.ApiKeys;
            var key = await keys.FirstOrDefaultAsync(k => k.Id == command.KeyId, cancellationToken) ?? throw new NotFoundException();
            var now = time.GetUtcNow().UtcDateTime;
            key.Revoke(actor, now);
            Audit.Record(db, actor, now, AuditActions.ApiKeyRevoked, key.AccountId, null, $"{key.Hint} « {key.Name} »");
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
