using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>Who on the desk looks after a request: take, release, hand over, and what only a lead may do.</summary>
public class AssignmentTests
{
    private static readonly Actor Claire = new("agent-claire", ActorRole.Support, "Claire Support");
    private static readonly Actor Malik = new("agent-malik", ActorRole.Support, "Malik Support");
    private static readonly Actor Lead = new("agent-lead", ActorRole.Support, "Léa Responsable");

    private static string Refused(Action act) => Assert.Throws<DomainException>(act).Code;

    [Fact]
    public void An_agent_takes_an_unassigned_request_and_the_history_says_so_without_changing_its_status()
    {
        var r = InState(PortRequestStatus.Submitted);
        var version = r.Version;
        r.AssignTo(Claire, Claire, actorIsLead: false, Now);
        Assert.Equal("agent-claire", r.AssignedToUserId);
        Assert.Equal("Claire Support", r.AssignedToName);
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
        Assert.Equal(version + 1, r.Version);
        var e = r.Events[^1];
        Assert.Equal(PortRequestEventKind.AssignmentChanged, e.Kind);
        Assert.Equal("Claire Support", e.AssigneeName);
        Assert.True(e.IsInternal);
        Assert.False(r.Events[0].IsInternal);
    }

    [Fact]
    public void An_agent_cannot_take_a_colleague_s_request_nor_release_it_nor_give_one_away_but_a_lead_can()
    {
        var r = InState(PortRequestStatus.FocConfirmed);
        r.AssignTo(Claire, Claire, false, Now);
        Assert.Equal("Assignment.TakenByOther", Refused(() => r.AssignTo(Malik, Malik, false, Now)));
        Assert.Equal("Assignment.TakenByOther", Refused(() => r.AssignTo(Malik, null, false, Now)));
        Assert.Equal("Assignment.LeadOnly", Refused(() => r.AssignTo(Claire, Malik, false, Now)));
        Assert.Equal("agent-claire", r.AssignedToUserId);

        r.AssignTo(Lead, Malik, actorIsLead: true, Now);
        Assert.Equal("agent-malik", r.AssignedToUserId);
        Assert.Equal("Léa Responsable", r.Events[^1].ActorName);
        Assert.Equal("Malik Support", r.Events[^1].AssigneeName);
        r.AssignTo(Lead, null, true, Now);
        Assert.Null(r.AssignedToUserId);
        Assert.Null(r.AssignedToName);
        Assert.Null(r.Events[^1].AssigneeName);
    }

    [Fact]
    public void An_agent_releases_their_own_request()
    {
        var r = InState(PortRequestStatus.ActionRequired);
        r.AssignTo(Claire, Claire, false, Now);
        r.AssignTo(Claire, null, false, Now);
        Assert.Null(r.AssignedToUserId);
        Assert.Equal("Assignment.Unchanged", Refused(() => r.AssignTo(Claire, null, false, Now)));
    }

    [Fact]
    public void Nobody_but_support_assigns_and_only_to_an_agent_and_only_while_the_request_is_under_way()
    {
        var r = InState(PortRequestStatus.Submitted);
        Assert.Equal("PortRequest.Forbidden", Refused(() => r.AssignTo(Admin, Support, true, Now)));
        Assert.Equal("Assignment.NotAgent", Refused(() => r.AssignTo(Lead, Admin, true, Now)));
        foreach (var status in new[] { PortRequestStatus.Draft, PortRequestStatus.Completed, PortRequestStatus.Cancelled })
        {
            Assert.Equal("PortRequest.InvalidTransition", Refused(() => InState(status).AssignTo(Claire, Claire, false, Now)));
        }
    }
}
