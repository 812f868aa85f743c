using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>The <c>AccountExport</c> section: the background maker of account archives (<see cref="Features.AccountData.AccountExportBuilder"/>).</summary>
public sealed class AccountExportOptions
{
    public const string Section = "AccountExport";

    /// <summary>Run the builder on this instance (tests that count SQL commands turn it off).</summary>
    public bool BuilderEnabled { get; set; } = true;

    /// <summary>How often the builder looks for archives to make and archives to delete.</summary>
    [Range(1, 3600, ErrorMessage = "AccountExport:PollSeconds must be between 1 and 3600.")]
    public int PollSeconds { get; set; } = 10;
}
