namespace OomaPorting.Domain.Porting;

/// <summary>Why a request under way is late for the desk (docs/domain.md, "Service levels").</summary>
public enum LateReason
{
    None = 0,

    /// <summary>Submitted (or resubmitted) and still no FOC date after the allowed working days.</summary>
    NoFocDate = 1,

    /// <summary>Sent back ("À corriger") and the customer has not acted for the allowed working days.</summary>
    CustomerSilent = 2,

    /// <summary>The FOC date has passed and no test call was started.</summary>
    FocPassed = 3,

    /// <summary>A test call was started on an earlier day and its result is still not recorded.</summary>
    TestCallOpen = 4,

    /// <summary>Submitted and its documents still not checked by support after the allowed working days.</summary>
    NotChecked = 5,
}
