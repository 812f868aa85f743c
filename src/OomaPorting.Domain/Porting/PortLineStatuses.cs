namespace OomaPorting.Domain.Porting;

/// <summary>What a number's status means for its request.</summary>
public static class PortLineStatuses
{
    /// <summary>Still to be ported: the number is taken by its request (no other request may port it) and holds it open.</summary>
    public static IReadOnlyList<PortLineStatus> ToPort { get; } = [PortLineStatus.Pending, PortLineStatus.Confirmed, PortLineStatus.TestFailed];

    public static bool IsToPort(this PortLineStatus status) => status is PortLineStatus.Pending or PortLineStatus.Confirmed or PortLineStatus.TestFailed;

    /// <summary>
    /// The rule that derives a request's completion from its numbers: it is complete when no number is still to be
    /// ported and at least one was (numbers refused or withdrawn do not hold it open; with none ported there is
    /// nothing to complete, the request goes back to the customer as a whole).
    /// </summary>
    public static bool Settle(IEnumerable<PortLineStatus> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var anyPorted = false;
        foreach (var status in lines)
        {
            if (status.IsToPort() || status == PortLineStatus.Cancelled)
            {
                return false;
            }

            anyPorted |= status == PortLineStatus.Ported;
        }

        return anyPorted;
    }

    /// <summary>
    /// Whether a request's status and its numbers' agree: the invariant every method of <see cref="PortRequest"/> keeps.
    /// A draft's numbers are all pending; before the FOC date none is confirmed or ported; once dated, at least one is
    /// still to port and none pending; a completed request is <see cref="Settle">settled</see>; a cancelled one has
    /// nothing left to port and nothing ported.
    /// </summary>
    public static bool Agree(PortRequestStatus request, IReadOnlyCollection<PortLineStatus> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return request switch
        {
            PortRequestStatus.Draft => lines.All(l => l == PortLineStatus.Pending),
            PortRequestStatus.Submitted or PortRequestStatus.ActionRequired =>
                lines.All(l => l is PortLineStatus.Pending or PortLineStatus.Refused or PortLineStatus.Withdrawn)
                && lines.Any(l => l == PortLineStatus.Pending),
            PortRequestStatus.FocConfirmed or PortRequestStatus.TestCall =>
                lines.All(l => l is not (PortLineStatus.Pending or PortLineStatus.Cancelled)) && lines.Any(IsToPort),
            PortRequestStatus.Completed => Settle(lines),
            PortRequestStatus.Cancelled => lines.All(l => l is not (PortLineStatus.Ported or PortLineStatus.Pending
                or PortLineStatus.Confirmed or PortLineStatus.TestFailed)),
            _ => false,
        };
    }
}
