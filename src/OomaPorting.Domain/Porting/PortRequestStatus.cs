namespace OomaPorting.Domain.Porting;

/// <summary>The lifecycle of DOMAIN.md.</summary>
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
