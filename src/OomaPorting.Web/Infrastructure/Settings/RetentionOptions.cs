using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>The <c>Retention</c> section: how long the portal keeps what nobody needs any more.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>
    /// A draft untouched for this many days is deleted with its numbers and history. It expired (could no longer be
    /// resumed) after <see cref="PortRequest.DraftExpiryDays"/>; the days between leave support time to answer an admin
    /// who asks about it.
    /// </summary>
    [Range(PortRequest.DraftExpiryDays + 1, 3650, ErrorMessage = "Retention:DraftPurgeAfterDays must be between 31 and 3650.")]
    public int DraftPurgeAfterDays { get; set; } = 60;
}
