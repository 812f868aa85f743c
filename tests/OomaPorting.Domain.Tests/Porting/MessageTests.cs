using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

public class MessageTests
{
    [Fact]
    public void Admins_and_support_write_only_support_writes_internal_notes_and_users_only_read()
    {
        var r = InState(PortRequestStatus.Submitted);
        var m = PortRequestMessage.Post(r, Admin, "  Bonjour,\r\nla ligne est bien active.  ", false, Now);
        Assert.Equal("Bonjour,\nla ligne est bien active.", m.Body);
        Assert.Equal(r.AccountId, m.AccountId);
        Assert.True(PortRequestMessage.Post(r, Support, "Orange confirme par téléphone", true, Now).IsInternal);
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => PortRequestMessage.Post(r, Admin, "note", true, Now)).Code);
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => PortRequestMessage.Post(r, User, "bonjour", false, Now)).Code);
        Assert.Equal("Message.Required", Assert.Throws<DomainException>(() => PortRequestMessage.Post(r, Admin, " \n ", false, Now)).Code);
        Assert.Equal("Message.TooLong", Assert.Throws<DomainException>(() => PortRequestMessage.Post(r, Admin, new string('a', 4001), false, Now)).Code);
        Assert.Equal("Message.InvalidCharacters", Assert.Throws<DomainException>(() => PortRequestMessage.Post(r, Admin, "a\u202Eb", false, Now)).Code);
        Assert.Equal("PortRequest.InvalidTransition", Assert.Throws<DomainException>(() => PortRequestMessage.Post(CompleteDraft(), Admin, "x", false, Now)).Code);
    }

    /// <summary>A draft thrown away has no thread either (issue 35, point 18: messages there e-mailed the desk about a request without a reference).</summary>
    [Fact]
    public void A_cancelled_draft_has_no_thread_and_a_cancelled_request_that_was_sent_keeps_its_own()
    {
        var draft = CompleteDraft();
        draft.Cancel(Admin, "Plus besoin", BusinessCalendar.France, Now);
        Assert.Equal(PortRequestStatus.Cancelled, draft.Status);
        Assert.Equal("PortRequest.InvalidTransition", Assert.Throws<DomainException>(() => PortRequestMessage.Post(draft, Admin, "Bonjour", false, Now)).Code);

        var sent = InState(PortRequestStatus.Submitted);
        sent.Cancel(Admin, "Plus besoin", BusinessCalendar.France, Now);
        Assert.Equal("Bonjour", PortRequestMessage.Post(sent, Admin, "Bonjour", false, Now).Body);
    }

    [Fact]
    public void A_sending_past_its_limit_is_refused_with_its_own_code()
    {
        SendingLimits.Check(SendingLimits.InvitationsPerAddress - 1, SendingLimits.InvitationsPerAddress, "Invitation.TooMany");
        Assert.Equal("Invitation.TooMany", Assert.Throws<DomainException>(() =>
            SendingLimits.Check(SendingLimits.InvitationsPerAddress, SendingLimits.InvitationsPerAddress, "Invitation.TooMany")).Code);
    }

    [Fact]
    public void Subtracting_working_days_mirrors_adding_them()
    {
        var cal = BusinessCalendar.France;
        Assert.Equal(new DateOnly(2026, 12, 1), cal.SubtractWorkingDays(new DateOnly(2026, 12, 15), 10));
        Assert.Equal(new DateOnly(2026, 12, 24), cal.SubtractWorkingDays(new DateOnly(2026, 12, 28), 1));
        Assert.Equal(10, cal.WorkingDaysBetween(cal.SubtractWorkingDays(new DateOnly(2027, 1, 7), 10), new DateOnly(2027, 1, 7)));
    }
}
