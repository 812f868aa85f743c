using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Webhooks;

namespace OomaPorting.Web.Features.Webhooks;

/// <summary>
/// An account admin sends a delivery again (delivered or given up): a new delivery with the same event id and the same
/// body, so a receiver that already has it recognises it. Not while the first is still pending, nor to a disabled endpoint.
/// </summary>
public static class ResendWebhookDelivery
{
    public sealed record Command(Guid EndpointId, Guid DeliveryId) : ICommand;

    /// <summary>Whether a delivery in <paramref name="status"/> to an endpoint (enabled or not) may be sent again: the page offers it then, the handler refuses otherwise.</summary>
    public static bool MayResend(WebhookDeliveryStatus status, bool endpointEnabled) => endpointEnabled && status != WebhookDeliveryStatus.Pending;

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == command.EndpointId, cancellationToken)
                ?? throw new NotFoundException();
            var original = await db.WebhookDeliveries.AsNoTracking()
                .FirstOrDefaultAsync(d => d.Id == command.DeliveryId && d.EndpointId == endpoint.Id, cancellationToken) ?? throw new NotFoundException();
            endpoint.EnsureSendableBy(current.Actor); // the admin's, and enabled ("Webhook.Resend.Disabled")

            if (!MayResend(original.Status, endpoint.IsEnabled))
            {
                throw new DomainException("Webhook.Resend.Pending", "This delivery is still being sent.");
            }

            var copy = WebhookNotifications.New(endpoint, original.EventId, original.PortRequestId, original.Sequence, original.EventType, original.Payload,
                time.GetUtcNow().UtcDateTime);
            copy.ResentFromId = original.Id;
            db.WebhookDeliveries.Add(copy);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
