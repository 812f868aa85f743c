namespace OomaPorting.Domain.Accounts;

/// <summary>The stable names of webhook events, as integrators receive them in <c>type</c>, and the flag each belongs to.</summary>
public static class WebhookEventTypes
{
    /// <summary>Sent by hand from the endpoint's page to try it; never subscribed to.</summary>
    public const string Ping = "ping";

    private static readonly (WebhookEvents Flag, string Name)[] Names =
    [
        (WebhookEvents.Submitted, "port_request.submitted"),
        (WebhookEvents.Resubmitted, "port_request.resubmitted"),
        (WebhookEvents.SentBack, "port_request.sent_back"),
        (WebhookEvents.FocSet, "port_request.foc_set"),
        (WebhookEvents.FocMoved, "port_request.foc_moved"),
        (WebhookEvents.TestCallStarted, "port_request.test_call_started"),
        (WebhookEvents.Completed, "port_request.completed"),
        (WebhookEvents.Cancelled, "port_request.cancelled"),
        (WebhookEvents.NumbersRefused, "port_request.numbers_refused"),
        (WebhookEvents.NumbersWithdrawn, "port_request.numbers_withdrawn"),
        (WebhookEvents.SupportMessage, "port_request.message"),
    ];

    /// <summary>Every single event, in the order pages list them.</summary>
    public static IReadOnlyList<WebhookEvents> Each { get; } = [.. Names.Select(n => n.Flag)];

    /// <summary>The name of one single event (<c>port_request.foc_set</c>).</summary>
    public static string NameOf(WebhookEvents kind)
    {
        foreach (var (flag, name) in Names)
        {
            if (flag == kind)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a single webhook event.");
    }
}
