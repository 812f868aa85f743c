namespace OomaPorting.Domain.Porting;

/// <summary>What a status means beyond its name: whether the request is under way (whose move it is: <see cref="TurnRule"/>).</summary>
public static class PortRequestStatuses
{
    /// <summary>Submitted and not finished: its numbers are taken (no other request may port them) and its dates matter.</summary>
    public static IReadOnlyList<PortRequestStatus> UnderWay { get; } =
        [PortRequestStatus.Submitted, PortRequestStatus.ActionRequired, PortRequestStatus.FocConfirmed, PortRequestStatus.TestCall];

    public static bool IsUnderWay(this PortRequestStatus status) => UnderWay.Contains(status);

    /// <summary>
    /// Whether someone of <paramref name="role"/> (of the request's account, or support) may see a request in this
    /// status and what is attached to it: a draft is its account admins' alone until it is submitted.
    /// </summary>
    public static bool IsVisibleTo(this PortRequestStatus status, Common.ActorRole role) =>
        status != PortRequestStatus.Draft || role == Common.ActorRole.AccountAdmin;
}
