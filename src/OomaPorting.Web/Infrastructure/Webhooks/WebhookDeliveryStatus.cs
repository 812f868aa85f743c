namespace OomaPorting.Web.Infrastructure.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending = 0,
    Delivered = 1,
    Failed = 2,
}
