using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>The <c>Sla</c> section: when the support queue flags a request as late (in working days, 1 to 60).</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>A submitted request's documents should be checked by support within this many working days.</summary>
    [Range(1, 60, ErrorMessage = "Sla:CheckWithinWorkingDays must be between 1 and 60.")]
    public int CheckWithinWorkingDays { get; set; } = 1;

    /// <summary>A submitted request should have its FOC date within this many working days.</summary>
    [Range(1, 60, ErrorMessage = "Sla:FocWithinWorkingDays must be between 1 and 60.")]
    public int FocWithinWorkingDays { get; set; } = BusinessCalendar.FocExpectedAfterWorkingDays;

    /// <summary>A sent-back request is late when the customer has not acted for this many working days.</summary>
    [Range(1, 60, ErrorMessage = "Sla:CustomerSilentAfterWorkingDays must be between 1 and 60.")]
    public int CustomerSilentAfterWorkingDays { get; set; } = 5;

    /// <summary>A sent-back request the customer has not fixed gets one reminder after this many working days.</summary>
    [Range(1, 60, ErrorMessage = "Sla:CustomerReminderAfterWorkingDays must be between 1 and 60.")]
    public int CustomerReminderAfterWorkingDays { get; set; } = 3;

    public SlaLimits Limits => new(FocWithinWorkingDays, CustomerSilentAfterWorkingDays, CheckWithinWorkingDays);
}
