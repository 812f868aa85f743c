namespace OomaPorting.Domain.Porting;

/// <summary>What a status means beyond its name: whether the request is under way, and whose move it is.</summary>
public static class PortRequestStatuses
{
    /// <summary>Submitted and not finished: its numbers are taken (no other request may port them) and its dates matter.</summary>
    public static IReadOnlyList<PortRequestStatus> UnderWay { get; } =
        [PortRequestStatus.Submitted, PortRequestStatus.ActionRequired, PortRequestStatus.FocConfirmed, PortRequestStatus.TestCall];

    public static bool IsUnderWay(this PortRequestStatus status) => UnderWay.Contains(status);

    /// <summary>Who must act next (docs/domain.md, "Whose turn it is").</summary>
    public static Turn WhoseTurn(this PortRequestStatus status) => status switch
    {
        PortRequestStatus.Draft or PortRequestStatus.ActionRequired => Turn.Customer,
        PortRequestStatus.Submitted or PortRequestStatus.FocConfirmed => Turn.Carrier,
        PortRequestStatus.TestCall => Turn.Support,
        _ => Turn.Nobody,
    };
}
