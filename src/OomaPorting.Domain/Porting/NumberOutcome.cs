namespace OomaPorting.Domain.Porting;

/// <summary>
/// What became of one number, as every page, e-mail, count, export and API answer names it: its
/// <see cref="PortLineStatus"/>, with a refusal at the test call (<see cref="FailedTestCall"/>: only the customer can fix
/// it) kept apart from the losing carrier's refusal (<see cref="Refused"/>). In the order the pages list them.
/// </summary>
public enum NumberOutcome
{
    Pending,
    Confirmed,
    TestFailed,
    Ported,
    Refused,
    FailedTestCall,
    Withdrawn,
    Cancelled,
}
