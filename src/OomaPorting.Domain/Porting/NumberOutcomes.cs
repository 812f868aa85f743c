namespace OomaPorting.Domain.Porting;

/// <summary>The one rule from a number's status to its <see cref="NumberOutcome"/>, and the counts every surface shows.</summary>
public static class NumberOutcomes
{
    public static NumberOutcome Of(PortLineStatus status, bool failedTestCall) => status switch
    {
        PortLineStatus.Pending => NumberOutcome.Pending,
        PortLineStatus.Confirmed => NumberOutcome.Confirmed,
        PortLineStatus.TestFailed => NumberOutcome.TestFailed,
        PortLineStatus.Ported => NumberOutcome.Ported,
        PortLineStatus.Refused => failedTestCall ? NumberOutcome.FailedTestCall : NumberOutcome.Refused,
        PortLineStatus.Withdrawn => NumberOutcome.Withdrawn,
        PortLineStatus.Cancelled => NumberOutcome.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A number status without an outcome."),
    };

    /// <summary>How many of <paramref name="lines"/> have each outcome, the outcomes none has left out, in the outcomes' order.</summary>
    public static IReadOnlyList<(NumberOutcome Outcome, int Count)> Count(IEnumerable<PortLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.GroupBy(l => l.Outcome).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];
    }
}
