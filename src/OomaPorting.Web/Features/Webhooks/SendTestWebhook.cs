using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Features.Webhooks;

/// <summary>
/// An account admin sends a <c>ping</c> event to an endpoint, to check the receiver and its signature check before a
/// real event comes. It is in the log like any delivery.
/// </summary>
public static class SendTestWebhook
{
    public sealed record Command(Guid Id) : ICommand;

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException();
            endpoint.EnsureSendableBy(current.Actor);

            var now = time.GetUtcNow().UtcDateTime;
            var since = now - SendingLimits.Window;
            SendingLimits.Check(await db.WebhookDeliveries.CountAsync(d => d.EndpointId == endpoint.Id && d.EventType == WebhookEventTypes.Ping && d.CreatedAtUtc > since, cancellationToken),
                SendingLimits.TestEventsPerWebhook, "Webhook.Test.TooMany");
            var eventId = Guid.CreateVersion7(now);
            var payload = new WebhookPayload(eventId, WebhookEventTypes.Ping, now, 0,
                new WebhookPayload.Content(null, null, null, "A test event sent from the portal; nothing changed.")).ToJson();
            db.WebhookDeliveries.Add(WebhookNotifications.New(endpoint, eventId, null, 0, WebhookEventTypes.Ping, payload, now));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
