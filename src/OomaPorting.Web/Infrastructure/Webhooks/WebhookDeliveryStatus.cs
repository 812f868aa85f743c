namespace OomaPorting.Web.Infrastructure.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,

    /// <summary>Waiting for an operator: it was pending in a restored backup (<c>restore --hold-outbox</c>) and may have gone out already.</summary>
    Held = 3,
}
