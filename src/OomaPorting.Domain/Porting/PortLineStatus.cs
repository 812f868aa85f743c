namespace OomaPorting.Domain.Porting;

/// <summary>
/// Where one number of a request stands (docs/domain.md, "Each number has its own life"). The values are stored by
/// name; the numbers only keep the enum's order stable.
/// </summary>
public enum PortLineStatus
{
    /// <summary>Submitted, waiting for the carrier's FOC date.</summary>
    Pending = 0,

    /// <summary>Ported: the number is on the account.</summary>
    Ported = 1,

    /// <summary>The request was cancelled before this number moved.</summary>
    Cancelled = 2,

    /// <summary>The carrier confirmed the FOC date for it.</summary>
    Confirmed = 3,

    /// <summary>The losing carrier refused it (reason code and comment on the line); the rest of the request goes ahead.</summary>
    Refused = 4,

    /// <summary>It failed the test call and waits for its new FOC date.</summary>
    TestFailed = 5,

    /// <summary>The customer gave up porting it after a refusal.</summary>
    Withdrawn = 6,
}
