namespace OomaPorting.Domain.Porting;

/// <summary>The desk's service levels, in working days (the portal reads them from its settings, section <c>Sla</c>).</summary>
/// <param name="FocWithinWorkingDays">A submitted request should have its FOC date within this many working days.</param>
/// <param name="CustomerSilentAfterWorkingDays">A sent-back request is late when the customer has not acted for this many working days.</param>
/// <param name="CheckWithinWorkingDays">A submitted request's documents should be checked by support within this many working days.</param>
public sealed record SlaLimits(int FocWithinWorkingDays = Calendar.BusinessCalendar.FocExpectedAfterWorkingDays, int CustomerSilentAfterWorkingDays = 5,
    int CheckWithinWorkingDays = 1);
