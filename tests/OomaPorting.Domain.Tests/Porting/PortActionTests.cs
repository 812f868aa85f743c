using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>
/// "May this be done now" (<see cref="PortRequest.Refusal"/>) in the states a random walk reaches rarely: once some
/// numbers are ported, neither a send-back nor a cancellation is offered, and the methods refuse them with the same
/// code the rule gave; an admin is not offered what only support does.
/// </summary>
public class PortActionTests
{
    /// <summary>Two numbers dated, the test call failed for the second with a new date: the first is ported, the request dated again.</summary>
    private static PortRequest PartlyPorted()
    {
        var r = new PortRequestBuilder(Guid.NewGuid(), Admin, Now).Carrier("F0")
            .Lines((Main.Display, "F0X123456"), (Second.Display, null)).MainNumber(Main.Display).Submit("POR-2026-000888");
        r.CheckDocuments(Support, Now);
        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        r.StartTestCall(Support, OnFocDay);
        r.RecordTestCallFailedWithNewDate(Support, "Pas de tonalité", new DateOnly(2026, 12, 17), FrenchCalendar, OnFocDay, [Second]);
        Assert.Equal(PortRequestStatus.FocConfirmed, r.Status);
        Assert.Contains(r.Lines, l => l.Status == PortLineStatus.Ported);
        return r;
    }

    [Fact]
    public void Once_a_number_is_ported_the_request_is_neither_sent_back_nor_cancelled_and_the_methods_say_the_rules_code()
    {
        var r = PartlyPorted();
        Assert.Equal("SendBack.PartlyPorted", r.Refusal(PortAction.SendBack, ActorRole.Support, FrenchCalendar, OnFocDay));
        Assert.Equal("Cancel.PartlyPorted", r.Refusal(PortAction.Cancel, ActorRole.Support, FrenchCalendar, OnFocDay));
        Assert.Equal("SendBack.PartlyPorted", Assert.Throws<DomainException>(() => r.RequireAction(Support, [ReasonCode.Other], "x", OnFocDay)).Code);
        Assert.Equal("Cancel.PartlyPorted", Assert.Throws<DomainException>(() => r.Cancel(Support, "Doublon", FrenchCalendar, OnFocDay)).Code);

        // What support may still do: move the date, refuse the numbers left, keep the temporary number, and (from the new date) call again.
        Assert.Equal([PortAction.SetFocDate, PortAction.RefuseNumbers, PortAction.Assign, PortAction.KeepTemporaryNumber], r.Actions(ActorRole.Support, FrenchCalendar, OnFocDay));
        Assert.Contains(PortAction.StartTestCall, r.Actions(ActorRole.Support, FrenchCalendar, new DateTime(2026, 12, 17, 9, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void An_admin_is_offered_only_what_an_admin_does_and_a_user_nothing()
    {
        var r = InState(PortRequestStatus.Submitted);
        var admin = r.Actions(ActorRole.AccountAdmin, FrenchCalendar, Now);
        Assert.DoesNotContain(admin, a => a is PortAction.CheckDocuments or PortAction.SetFocDate or PortAction.SendBack or PortAction.RefuseNumbers);
        Assert.Contains(PortAction.Cancel, admin);
        Assert.Empty(r.Actions(ActorRole.AccountUser, FrenchCalendar, Now));
        Assert.Equal("PortRequest.Forbidden", r.Refusal(PortAction.SetFocDate, ActorRole.AccountAdmin, FrenchCalendar, Now));
    }
}
