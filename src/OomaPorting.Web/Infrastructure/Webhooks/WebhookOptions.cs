using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Webhooks;

/// <summary>The <c>Webhooks</c> section of the configuration, validated at start-up.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Run the background dispatcher (tests drive it by hand instead).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    [Range(1, 3600, ErrorMessage = "Webhooks:PollSeconds must be between 1 and 3600.")]
    public int PollSeconds { get; set; } = 2;

    [Range(1, 1000, ErrorMessage = "Webhooks:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 100;

    /// <summary>Endpoints called at once; each endpoint's deliveries go one after the other.</summary>
    [Range(1, 64, ErrorMessage = "Webhooks:Parallelism must be between 1 and 64.")]
    public int Parallelism { get; set; } = 8;

    /// <summary>How long one attempt may take, connection included.</summary>
    [Range(1, 60, ErrorMessage = "Webhooks:TimeoutSeconds must be between 1 and 60.")]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>First retry after this many seconds, then doubling, capped at <see cref="RetryMaxSeconds"/>.</summary>
    [Range(0, 3600, ErrorMessage = "Webhooks:RetryBaseSeconds must be between 0 (retry at once) and 3600.")]
    public int RetryBaseSeconds { get; set; } = 30;

    [Range(1, 86_400, ErrorMessage = "Webhooks:RetryMaxSeconds must be between 1 and 86400.")]
    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>An endpoint failing this long without one success is disabled (its admins are told); an event is retried this long at most.</summary>
    [Range(1, 720, ErrorMessage = "Webhooks:DisableAfterHours must be between 1 and 720.")]
    public int DisableAfterHours { get; set; } = 24;

    /// <summary>A claim older than this is taken again: the dispatcher that held it is presumed dead.</summary>
    [Range(10, 86_400, ErrorMessage = "Webhooks:ClaimTimeoutSeconds must be between 10 and 86400.")]
    public int ClaimTimeoutSeconds { get; set; } = 120;

    /// <summary>
    /// Let endpoints be plain http and on loopback or private addresses. For a developer's machine and the tests only:
    /// in production it would let an account make the portal call into its own network.
    /// </summary>
    public bool AllowLocalTargets { get; set; }
}
