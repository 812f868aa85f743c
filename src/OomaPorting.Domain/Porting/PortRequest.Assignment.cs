using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>Who on the desk looks after a request: taken, released or handed over, each recorded in the history.</summary>
public sealed partial class PortRequest
{
    /// <summary>The support agent looking after the request (their user id), or null while nobody has taken it.</summary>
    public string? AssignedToUserId { get; private set; }

    /// <summary>The assignee's name as it was when they were given the request (shown in the queue without a join).</summary>
    public string? AssignedToName { get; private set; }

    /// <summary>
    /// Gives the request to <paramref name="assignee"/> (a support agent), or to nobody (null). An agent takes an
    /// unassigned request and releases their own; only a lead (<paramref name="actorIsLead"/>) takes one from
    /// someone else, releases another agent's or hands a request to another agent. Finished requests keep their last
    /// assignee.
    /// </summary>
    public void AssignTo(Actor actor, Actor? assignee, bool actorIsLead, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireMay(PortAction.Assign, actor, nowUtc);
        if (assignee is not null && !assignee.IsSupport)
        {
            throw new DomainException("Assignment.NotAgent", "Only a support agent can be given a request.");
        }

        if (AssignedToUserId == assignee?.UserId)
        {
            throw new DomainException("Assignment.Unchanged", "The request is already assigned so.");
        }

        if (!actorIsLead)
        {
            if (assignee is not null && assignee.UserId != actor.UserId)
            {
                throw new DomainException("Assignment.LeadOnly", "Only a lead gives a request to another agent.");
            }

            if (AssignedToUserId is not null && AssignedToUserId != actor.UserId)
            {
                throw new DomainException("Assignment.TakenByOther", "Another agent looks after this request.");
            }
        }

        var e = Record(actor, nowUtc, PortRequestEventKind.AssignmentChanged, Status);
        e.AssigneeName = assignee?.DisplayName;
        AssignedToUserId = assignee?.UserId;
        AssignedToName = assignee is null ? null : DomainText.Clean(assignee.DisplayName, "AssigneeName", 200);
    }
}
