namespace OomaPorting.Domain.Porting;

/// <summary>The lifecycle of a port request (docs/domain.md, "Lifecycle").</summary>
public enum PortRequestStatus
{
    Draft = 0,
    Submitted = 1,
    ActionRequired = 2,
    FocConfirmed = 3,
    TestCall = 4,
    Completed = 5,
    Cancelled = 6,
}
