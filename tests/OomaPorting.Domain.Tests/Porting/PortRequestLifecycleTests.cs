using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>Every state × every transition: allowed ones succeed and record their event, forbidden ones fail and change nothing.</summary>
public class PortRequestLifecycleTests
{
    private sealed record TransitionCase(
        string Name,
        Action<PortRequest> Act,
        PortRequestStatus[] AllowedFrom,
        PortRequestEventKind ExpectedEvent,
        Func<PortRequestStatus, PortRequestStatus> ExpectedStatus);

    private static readonly TransitionCase[] Transitions =
    [
        new("Submit", r => r.Submit(Admin, Signature("Jeanne Martin", true), Terms, "POR-2026-000001", Now),
            [PortRequestStatus.Draft, PortRequestStatus.ActionRequired], PortRequestEventKind.Submitted, _ => PortRequestStatus.Submitted),
        new("SetFocDate", r => r.SetFocDate(Support, Foc.AddDays(1), FrenchCalendar, Now),
            [PortRequestStatus.Submitted, PortRequestStatus.FocConfirmed], PortRequestEventKind.FocDateSet, _ => PortRequestStatus.FocConfirmed),
        new("StartTestCall", r => r.StartTestCall(Support, OnFocDay),
            [PortRequestStatus.FocConfirmed], PortRequestEventKind.TestCallStarted, _ => PortRequestStatus.TestCall),
        new("TestCallPassed", r => r.RecordTestCallPassed(Support, OnFocDay),
            [PortRequestStatus.TestCall], PortRequestEventKind.TestCallPassed, _ => PortRequestStatus.Completed),
        new("TestCallFailedNewDate", r => r.RecordTestCallFailedWithNewDate(Support, "Pas de tonalité", new DateOnly(2026, 12, 17), FrenchCalendar, OnFocDay),
            [PortRequestStatus.TestCall], PortRequestEventKind.TestCallFailed, _ => PortRequestStatus.FocConfirmed),
        new("TestCallFailedActionRequired", r => r.RecordTestCallFailedActionRequired(Support, "Numéro inactif", [ReasonCode.NumberInactive], OnFocDay),
            [PortRequestStatus.TestCall], PortRequestEventKind.TestCallFailed, _ => PortRequestStatus.ActionRequired),
        new("RequireAction", r => r.RequireAction(Support, [ReasonCode.RioInvalid], "RIO erroné", Now),
            [PortRequestStatus.Submitted, PortRequestStatus.FocConfirmed], PortRequestEventKind.ActionRequired, _ => PortRequestStatus.ActionRequired),
        new("RefuseNumbers", r => r.RefuseNumbers(Support, [Second], ReasonCode.NumberInactive, "Ligne résiliée", Now),
            [PortRequestStatus.Submitted, PortRequestStatus.FocConfirmed], PortRequestEventKind.NumbersRefused, s => s),
        new("CancelByAdmin", r => r.Cancel(Admin, null, FrenchCalendar, Now),
            [PortRequestStatus.Draft, PortRequestStatus.Submitted, PortRequestStatus.ActionRequired, PortRequestStatus.FocConfirmed],
            PortRequestEventKind.Cancelled, _ => PortRequestStatus.Cancelled),
        new("CancelBySupport", r => r.Cancel(Support, "Demande du client", FrenchCalendar, Now),
            [PortRequestStatus.Draft, PortRequestStatus.Submitted, PortRequestStatus.ActionRequired, PortRequestStatus.FocConfirmed],
            PortRequestEventKind.Cancelled, _ => PortRequestStatus.Cancelled),
        new("KeepTemporaryNumber", r => r.RequestKeepTemporaryNumber(Admin, accountHasTemporaryNumber: true, Now),
            [PortRequestStatus.Draft, PortRequestStatus.Submitted, PortRequestStatus.ActionRequired, PortRequestStatus.FocConfirmed],
            PortRequestEventKind.KeepTemporaryNumberRequested, s => s),
    ];

    public static TheoryData<PortRequestStatus, string> Matrix()
    {
        var data = new TheoryData<PortRequestStatus, string>();
        foreach (var state in Enum.GetValues<PortRequestStatus>())
        {
            foreach (var t in Transitions)
            {
                data.Add(state, t.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Transition_from_every_state_succeeds_only_where_the_lifecycle_allows_it(PortRequestStatus state, string transition)
    {
        var t = Transitions.Single(x => x.Name == transition);
        var request = InState(state);
        var before = Snapshot(request);

        if (t.AllowedFrom.Contains(state))
        {
            t.Act(request);

            var expectedKind = t.Name == "SetFocDate" && state == PortRequestStatus.FocConfirmed ? PortRequestEventKind.FocDateMoved
                : t.Name == "Submit" && state == PortRequestStatus.ActionRequired ? PortRequestEventKind.Resubmitted
                : t.ExpectedEvent;
            Assert.Equal(t.ExpectedStatus(state), request.Status);
            Assert.Equal(before.Events + 1, request.Events.Count);
            var last = request.Events[^1];
            Assert.Equal(expectedKind, last.Kind);
            Assert.Equal(state, last.FromStatus);
            Assert.Equal(request.Status, last.ToStatus);
            Assert.Equal(request.Events.Count, last.Sequence);
            Assert.True(request.Version > before.Version);
            Assert.True(request.LinesAgreeWithStatus);
        }
        else
        {
            var error = Assert.Throws<DomainException>(() => t.Act(request));
            Assert.False(string.IsNullOrEmpty(error.Code));
            Assert.Equal(before, Snapshot(request));
            Assert.True(request.LinesAgreeWithStatus);
        }
    }

    [Fact]
    public void An_account_user_can_do_nothing_but_read()
    {
        var draft = CompleteDraft();
        var before = Snapshot(draft);
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => draft.Submit(User, Signature("x", true), Terms, "POR-2026-000001", Now)).Code);
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => draft.Cancel(User, null, FrenchCalendar, Now)).Code);
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => draft.ChooseCarrier(User, "F1", null, Now)).Code);
        Assert.Equal(before, Snapshot(draft));
    }

    [Fact]
    public void Support_cannot_fill_or_submit_and_an_admin_cannot_set_the_foc_date()
    {
        var draft = CompleteDraft();
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => draft.Submit(Support, Signature("x", true), Terms, "POR-2026-000001", Now)).Code);
        var submitted = InState(PortRequestStatus.Submitted);
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => submitted.SetFocDate(Admin, Foc, FrenchCalendar, Now)).Code);
    }

    [Theory]
    [InlineData(2026, 12, 12, "FocDate.NotWorkingDay")] // Saturday
    [InlineData(2026, 12, 25, "FocDate.NotWorkingDay")] // Christmas, a Friday
    [InlineData(2026, 11, 30, "FocDate.InPast")]
    public void A_foc_date_must_be_a_working_day_and_not_in_the_past(int y, int m, int d, string code)
    {
        var r = InState(PortRequestStatus.Submitted);
        var error = Assert.Throws<DomainException>(() => r.SetFocDate(Support, new DateOnly(y, m, d), FrenchCalendar, Now));
        Assert.Equal(code, error.Code);
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
        Assert.Null(r.FocDate);
    }

    [Fact]
    public void Moving_the_foc_date_keeps_old_and_new_dates_in_the_history()
    {
        var r = InState(PortRequestStatus.FocConfirmed);
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, new DateOnly(2026, 12, 18), FrenchCalendar, Now, "Report opérateur");
        var moved = r.Events[^1];
        Assert.Equal(PortRequestEventKind.FocDateMoved, moved.Kind);
        Assert.Equal(Foc, moved.OldFocDate);
        Assert.Equal(new DateOnly(2026, 12, 18), moved.NewFocDate);
        Assert.Equal("Report opérateur", moved.Comment);
        Assert.Equal(new DateOnly(2026, 12, 18), r.FocDate);
    }

    [Fact]
    public void The_test_call_cannot_start_before_the_foc_date()
    {
        var r = InState(PortRequestStatus.FocConfirmed);
        var error = Assert.Throws<DomainException>(() => r.StartTestCall(Support, Now));
        Assert.Equal("TestCall.BeforeFocDate", error.Code);
        Assert.Equal(PortRequestStatus.FocConfirmed, r.Status);
    }

    [Theory]
    [InlineData(11, false)] // Friday 11 Dec: Mon 14 and Tue 15 left = 2 working days: too close
    [InlineData(10, true)]  // Thursday 10 Dec: Fri 11, Mon 14, Tue 15 = 3 working days
    [InlineData(15, false)] // on the day itself
    public void A_customer_cannot_cancel_within_two_working_days_of_the_foc_date(int day, bool allowed)
    {
        var r = InState(PortRequestStatus.FocConfirmed);
        var at = new DateTime(2026, 12, day, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(allowed, r.CustomerMayCancel(FrenchCalendar, at));
        if (allowed)
        {
            r.Cancel(Admin, null, FrenchCalendar, at);
            Assert.Equal(PortRequestStatus.Cancelled, r.Status);
        }
        else
        {
            Assert.Equal("Cancel.TooCloseToFocDate", Assert.Throws<DomainException>(() => r.Cancel(Admin, null, FrenchCalendar, at)).Code);
            Assert.Equal(PortRequestStatus.FocConfirmed, r.Status);
            r.Cancel(Support, "Demande écrite du client", FrenchCalendar, at);
            Assert.Equal(PortRequestStatus.Cancelled, r.Status);
        }
    }

    [Fact]
    public void Support_must_give_a_reason_to_cancel()
    {
        var r = InState(PortRequestStatus.Submitted);
        Assert.Equal("Comment.Required", Assert.Throws<DomainException>(() => r.Cancel(Support, "  ", FrenchCalendar, Now)).Code);
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
    }

    [Fact]
    public void Sending_back_needs_a_reason_and_a_message_and_reopens_only_the_tied_sections()
    {
        var r = InState(PortRequestStatus.Submitted);
        Assert.Equal("ActionRequired.NoReason", Assert.Throws<DomainException>(() => r.RequireAction(Support, [], "msg", Now)).Code);
        Assert.Equal("Comment.Required", Assert.Throws<DomainException>(() => r.RequireAction(Support, [ReasonCode.HolderMismatch], " ", Now)).Code);
        Assert.Equal(PortRequestStatus.Submitted, r.Status);

        r.RequireAction(Support, [ReasonCode.HolderMismatch], "Le titulaire est « SARL Martin » chez Orange.", Now);
        Assert.Equal(WizardSection.AddressAndHolder | WizardSection.Documents | WizardSection.Signature, r.EditableSections);
        Assert.Equal("HolderMismatch", r.Events[^1].ReasonCodes);

        Assert.Equal("PortRequest.SectionLocked", Assert.Throws<DomainException>(() => r.ChooseCarrier(Admin, "F1", null, Now)).Code);
        r.EnterServiceAddressAndHolder(Admin, ServiceAddress.Create("12 rue de la Paix", null, "75002", "Paris"),
            AccountHolder.Create("SARL", "Martin"), Now);
        r.Submit(Admin, Signature("Jeanne Martin", true), Terms, "POR-2026-000001", Now);
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
        Assert.Equal(PortRequestEventKind.Resubmitted, r.Events[^1].Kind);
        Assert.Empty(r.ActionReasons);
    }

    [Fact]
    public void A_resubmission_moves_the_submission_date_but_not_the_first_one()
    {
        var r = InState(PortRequestStatus.Submitted);
        var first = r.SubmittedAtUtc;
        Assert.NotNull(first);
        Assert.Equal(first, r.FirstSubmittedAtUtc);

        var later = Now.AddDays(3);
        r.RequireAction(Support, [ReasonCode.HolderMismatch], "Le titulaire est « SARL Martin » chez Orange.", later);
        r.EnterServiceAddressAndHolder(Admin, ServiceAddress.Create("12 rue de la Paix", null, "75002", "Paris"),
            AccountHolder.Create("SARL", "Martin"), later);
        r.Submit(Admin, Signature("Jeanne Martin", true), Terms, "POR-2026-000001", later);

        Assert.Equal(later, r.SubmittedAtUtc);
        Assert.Equal(first, r.FirstSubmittedAtUtc);
    }

    [Fact]
    public void A_passed_test_call_completes_and_ports_every_line()
    {
        var r = InState(PortRequestStatus.Completed);
        Assert.All(r.Lines, l => Assert.Equal(PortLineStatus.Ported, l.Status));
        Assert.Equal(OnFocDay, r.CompletedAtUtc);
        Assert.True(r.Events[^1].TestCallPassed);
    }

    [Fact]
    public void Events_record_who_when_and_the_statuses()
    {
        var r = InState(PortRequestStatus.FocConfirmed);
        Assert.Equal(
            [PortRequestEventKind.Created, PortRequestEventKind.Submitted, PortRequestEventKind.DocumentsChecked, PortRequestEventKind.FocDateSet],
            r.Events.Select(e => e.Kind));
        var set = r.Events[^1];
        Assert.Equal("support-1", set.ActorUserId);
        Assert.Equal(ActorRole.Support, set.ActorRole);
        Assert.Equal(Now, set.OccurredAtUtc);
        Assert.Equal(PortRequestStatus.Submitted, set.FromStatus);
        Assert.Equal(Foc, set.NewFocDate);
        Assert.Equal([1, 2, 3, 4], r.Events.Select(e => e.Sequence));
    }

    [Fact]
    public void A_draft_expires_after_thirty_untouched_days()
    {
        var r = CompleteDraft();
        Assert.False(r.IsExpiredDraft(Now.AddDays(30)));
        Assert.True(r.IsExpiredDraft(Now.AddDays(30).AddMinutes(1)));
        r.Submit(Admin, Signature("Jeanne Martin", true), Terms, "POR-2026-000001", Now);
        Assert.False(r.IsExpiredDraft(Now.AddDays(90)));
    }

    private sealed record State(PortRequestStatus Status, int Events, int Version, DateOnly? Foc, string Reasons, int Lines, bool Keep);

    private static State Snapshot(PortRequest r) =>
        new(r.Status, r.Events.Count, r.Version, r.FocDate, string.Join(',', r.ActionReasons), r.Lines.Count, r.KeepTemporaryNumber);
}
