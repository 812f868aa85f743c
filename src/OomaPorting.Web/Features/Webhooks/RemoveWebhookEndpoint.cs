using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Webhooks;

namespace OomaPorting.Web.Features.Webhooks;

/// <summary>An account admin removes an endpoint, its secret and its delivery log, for good. Audited.</summary>
public static class RemoveWebhookEndpoint
{
    public sealed record Command(Guid Id) : ICommand;

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
            WebhookEndpoint.EnsureManagedBy(current.Actor);
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            await db.WebhookDeliveries.Where(d => d.EndpointId == endpoint.Id).ExecuteDeleteAsync(cancellationToken);
            db.WebhookEndpoints.Remove(endpoint);
            Audit.Record(db, current.Actor, time.GetUtcNow().UtcDateTime, AuditActions.WebhookChanged, endpoint.AccountId, null,
                AuditDetails.Of("WebhookRemoved", AuditDetails.Text(endpoint.Url)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
