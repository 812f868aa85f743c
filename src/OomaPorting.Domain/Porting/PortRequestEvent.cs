using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>One recorded transition: when, who, from, to, and what changed.</summary>
public sealed class PortRequestEvent
{
    internal PortRequestEvent(
        PortRequest request,
        int sequence,
        DateTime occurredAtUtc,
        Actor actor,
        PortRequestEventKind kind,
        PortRequestStatus fromStatus,
        PortRequestStatus toStatus)
    {
        Id = Guid.CreateVersion7(occurredAtUtc);
        PortRequestId = request.Id;
        AccountId = request.AccountId;
        Sequence = sequence;
        OccurredAtUtc = occurredAtUtc;
        ActorUserId = actor.UserId;
        ActorRole = actor.Role;
        ActorName = actor.DisplayName;
        Kind = kind;
        FromStatus = fromStatus;
        ToStatus = toStatus;
    }

    private PortRequestEvent()
    {
        ActorUserId = string.Empty;
        ActorName = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PortRequestId { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>1, 2, 3... within the request: the order of the history.</summary>
    public int Sequence { get; private set; }

    public DateTime OccurredAtUtc { get; private set; }

    public string ActorUserId { get; private set; }

    public ActorRole ActorRole { get; private set; }

    public string ActorName { get; private set; }

    public PortRequestEventKind Kind { get; private set; }

    public PortRequestStatus FromStatus { get; private set; }

    public PortRequestStatus ToStatus { get; private set; }

    public DateOnly? OldFocDate { get; internal set; }

    public DateOnly? NewFocDate { get; internal set; }

    /// <summary>Reason codes given when the request was sent back, comma separated.</summary>
    public string? ReasonCodes { get; internal set; }

    public bool? TestCallPassed { get; internal set; }

    public string? Comment { get; internal set; }

    /// <summary>For <see cref="PortRequestEventKind.PortDateRequested"/>: the date asked for (null: the wish withdrawn).</summary>
    public DateOnly? RequestedPortDate { get; internal set; }

    /// <summary>For <see cref="PortRequestEventKind.AssignmentChanged"/>: the agent given the request (null: released).</summary>
    public string? AssigneeName { get; internal set; }

    /// <summary>How many numbers an event about some of them concerns (refused, withdrawn, taken up, passed or failed the test call).</summary>
    public int? LineCount { get; internal set; }

    /// <summary>For <see cref="PortRequestEventKind.FollowUpStarted"/>: the follow-up request.</summary>
    public Guid? FollowUpRequestId { get; internal set; }

    /// <summary>Desk-only events, never shown to the customer.</summary>
    public bool IsInternal => Kind == PortRequestEventKind.AssignmentChanged;
}
