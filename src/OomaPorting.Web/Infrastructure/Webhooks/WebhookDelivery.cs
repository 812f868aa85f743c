namespace OomaPorting.Web.Infrastructure.Webhooks;

/// <summary>
/// One event for one endpoint: written in the same <c>SaveChanges</c> as the change it tells of (the outbox pattern of
/// the e-mails), its body already rendered and kept as sent, so a retry or a resend carries the same bytes. The
/// dispatcher (<see cref="WebhookProcessor"/>) claims it, POSTs it signed, and marks it delivered, or retries later,
/// or gives up. Per endpoint and request, one is sent at a time and in <see cref="Sequence"/> order.
/// </summary>
public sealed class WebhookDelivery : IClaimed
{
    public Guid Id { get; set; }

    /// <summary>The event's id, the same for every endpoint and every resend (receivers deduplicate on it).</summary>
    public Guid EventId { get; set; }

    public Guid EndpointId { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>The request the event is about; null for a test event (<c>ping</c>).</summary>
    public Guid? PortRequestId { get; set; }

    /// <summary>The event's rank among the events of its request (1, 2, 3 ...): the order deliveries keep.</summary>
    public long Sequence { get; set; }

    /// <summary><c>port_request.foc_set</c> ... (<see cref="Domain.Accounts.WebhookEventTypes"/>).</summary>
    public string EventType { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The JSON body, as sent.</summary>
    public string Payload { get; set; } = string.Empty;

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>The dispatcher run that holds it; a claim older than its deadline is taken again (a crashed instance).</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? LastAttemptAtUtc { get; set; }

    /// <summary>The HTTP status of the last answer; null when none came (timeout, refused connection, refused address).</summary>
    public int? LastStatusCode { get; set; }

    public int? LastDurationMs { get; set; }

    /// <summary>Why the last attempt failed, as a code pages translate (<see cref="WebhookFailure"/>); null after a success.</summary>
    public string? LastError { get; set; }

    public DateTime? DeliveredAtUtc { get; set; }

    /// <summary>The delivery this one sends again, when an admin asked for it.</summary>
    public Guid? ResentFromId { get; set; }
}
