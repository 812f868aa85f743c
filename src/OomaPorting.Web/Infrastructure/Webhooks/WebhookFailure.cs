namespace OomaPorting.Web.Infrastructure.Webhooks;

/// <summary>Why an attempt failed, as stored and shown (<c>Webhooks.Failure.{code}</c>).</summary>
public static class WebhookFailure
{
    /// <summary>The endpoint answered, but not with a 2xx.</summary>
    public const string Status = "Status";

    /// <summary>No answer within the time allowed.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The host name resolved to an address the portal does not call (loopback, private ...).</summary>
    public const string Address = "Address";

    /// <summary>No connection: unknown host, refused, reset, TLS failure.</summary>
    public const string Connection = "Connection";

    /// <summary>Not sent: held at a restore (it may have gone out before the backup was taken), then discarded by support.</summary>
    public const string Discarded = "Discarded";

    /// <summary>Not sent: the portal cannot decrypt the endpoint's secret (its data-protection keys were not restored with the database).</summary>
    public const string Secret = "Secret";

    /// <summary>Not sent: the endpoint was disabled or removed before its turn.</summary>
    public const string Disabled = "Disabled";

    /// <summary>Not sent again: the event is older than the retry window.</summary>
    public const string Expired = "Expired";
}
