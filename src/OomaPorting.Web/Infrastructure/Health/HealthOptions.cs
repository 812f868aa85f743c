using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Health;

/// <summary>The <c>Health</c> section: when an instance stops being ready because its e-mails are not leaving or its disk is full.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>Ready while fewer e-mails than this wait in the outbox (due or not).</summary>
    [Range(1, 10_000_000, ErrorMessage = "Health:OutboxBacklogLimit must be between 1 and 10000000.")]
    public int OutboxBacklogLimit { get; set; } = 1000;

    /// <summary>Ready while the oldest e-mail waiting in the outbox was written less than this many minutes ago.</summary>
    [Range(1, 7 * 24 * 60, ErrorMessage = "Health:OutboxOldestMinutes must be between 1 and 10080.")]
    public int OutboxOldestMinutes { get; set; } = 60;

    /// <summary>Ready while the data folder's disk has at least this many megabytes free (0: not checked).</summary>
    [Range(0, 1_000_000, ErrorMessage = "Health:MinFreeDiskMegabytes must be between 0 and 1000000.")]
    public int MinFreeDiskMegabytes { get; set; } = 100;
}
