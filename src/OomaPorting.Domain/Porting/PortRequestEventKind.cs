using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

public enum PortRequestEventKind
{
    Created = 0,
    Submitted = 1,
    Resubmitted = 2,
    FocDateSet = 3,
    FocDateMoved = 4,
    TestCallStarted = 5,
    TestCallPassed = 6,
    TestCallFailed = 7,
    ActionRequired = 8,
    Cancelled = 9,
    KeepTemporaryNumberRequested = 10,
    PortDateRequested = 11,

    /// <summary>Support took, released or handed over the request (internal: not in the customer's history).</summary>
    AssignmentChanged = 12,
}
