using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>
/// Each number's own life: partial refusal, per-number test call results, withdrawal, the follow-up request, and the
/// completion effects of the numbers ported, with the request's status always agreeing with its numbers'.
/// </summary>
public class PerNumberOutcomeTests
{
    private static readonly FrenchNumber Temporary = FrenchNumber.Parse("09 70 00 00 01");

    /// <summary>A submitted request of a 20-number block 01 45 00 00 00 – 19, the first the main line with its RIO.</summary>
    private static PortRequest Block(int count = 20)
    {
        var lines = Enumerable.Range(0, count)
            .Select(i => ($"01 45 00 00 {i:00}", i == 0 ? "F0X123456" : null)).ToArray();
        return new PortRequestBuilder(Guid.NewGuid(), Admin, Now).Carrier("F0").Lines(lines)
            .MainNumber("01 45 00 00 00").Submit("POR-2026-000042");
    }

    private static FrenchNumber N(int i) => FrenchNumber.Parse($"01 45 00 00 {i:00}");

    private static PortLine LineOf(PortRequest r, int i) => r.Lines.Single(l => l.Number == N(i));

    private static void AssertAgrees(PortRequest r) =>
        Assert.True(r.LinesAgreeWithStatus, $"{r.Status}: {string.Join(", ", r.Lines.Select(l => l.Status))}");

    [Fact]
    public void Refused_numbers_keep_their_reason_while_the_others_are_dated_and_go_ahead()
    {
        var r = Block();
        r.RefuseNumbers(Support, [N(3), N(4)], ReasonCode.NumberInactive, "Lignes résiliées chez l'opérateur", Now);
        AssertAgrees(r);
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
        Assert.Equal(PortLineStatus.Refused, LineOf(r, 3).Status);
        Assert.Equal(ReasonCode.NumberInactive, LineOf(r, 4).RefusalReason);
        Assert.Equal("Lignes résiliées chez l'opérateur", LineOf(r, 4).RefusalComment);
        var e = r.Events[^1];
        Assert.Equal((PortRequestEventKind.NumbersRefused, 2, "NumberInactive"), (e.Kind, e.LineCount, e.ReasonCodes));

        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        AssertAgrees(r);
        Assert.Equal(18, r.Lines.Count(l => l.Status == PortLineStatus.Confirmed));
        Assert.Equal(2, r.LinesAwaitingCustomer.Count());

        r.StartTestCall(Support, OnFocDay);
        var ported = r.RecordTestCallPassed(Support, OnFocDay);
        Assert.Equal(18, ported.Count);
        Assert.Equal(PortRequestStatus.Completed, r.Status);
        AssertAgrees(r);
        Assert.All(ported, l => Assert.Equal(OnFocDay, l.PortedAtUtc));
        Assert.Equal(PortLineStatus.Refused, LineOf(r, 3).Status);
    }

    [Theory]
    [InlineData("01 45 00 01 00", "Refusal.NotInRequest")]
    [InlineData("01 45 00 00 03", "Refusal.NotToPort")]
    public void A_refusal_names_only_numbers_of_the_request_still_to_port_and_changes_nothing_otherwise(string number, string code)
    {
        var r = Block();
        r.RefuseNumbers(Support, [N(3)], ReasonCode.RioInvalid, "RIO erroné", Now);
        var version = r.Version;
        var e = Assert.Throws<DomainException>(() =>
            r.RefuseNumbers(Support, [N(5), FrenchNumber.Parse(number)], ReasonCode.RioInvalid, "RIO erroné", Now));
        Assert.Equal(code, e.Code);
        Assert.Equal(version, r.Version);
        Assert.Equal(PortLineStatus.Pending, LineOf(r, 5).Status);
    }

    [Fact]
    public void Refusing_every_number_left_is_a_send_back_not_a_partial_port()
    {
        var r = Block(2);
        Assert.Equal("Refusal.AllNumbers", Assert.Throws<DomainException>(() =>
            r.RefuseNumbers(Support, [N(0), N(1)], ReasonCode.HolderMismatch, "Titulaire différent", Now)).Code);
        Assert.All(r.Lines, l => Assert.Equal(PortLineStatus.Pending, l.Status));
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() =>
            r.RefuseNumbers(Admin, [N(1)], ReasonCode.HolderMismatch, "x", Now)).Code);
        Assert.Equal("Comment.Required", Assert.Throws<DomainException>(() =>
            r.RefuseNumbers(Support, [N(1)], ReasonCode.HolderMismatch, " ", Now)).Code);
    }

    [Fact]
    public void Numbers_that_pass_the_test_call_are_ported_at_once_and_the_failed_ones_wait_for_their_new_date()
    {
        var r = Block();
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        r.StartTestCall(Support, OnFocDay);
        var ported = r.RecordTestCallFailedWithNewDate(Support, "Pas de tonalité sur deux SDA", new DateOnly(2026, 12, 17), FrenchCalendar,
            OnFocDay, [N(7), N(8)]);
        Assert.Equal(18, ported.Count);
        Assert.Equal(PortRequestStatus.FocConfirmed, r.Status);
        Assert.Equal(new DateOnly(2026, 12, 17), r.FocDate);
        Assert.Equal([N(7), N(8)], r.LinesToPort.Select(l => l.Number));
        Assert.All(r.LinesToPort, l => Assert.Equal(PortLineStatus.TestFailed, l.Status));
        Assert.Equal(2, r.Events[^1].LineCount);
        AssertAgrees(r);

        // Once a number is ported, the request is never sent back nor cancelled as a whole.
        Assert.Equal("SendBack.PartlyPorted", Assert.Throws<DomainException>(() =>
            r.RequireAction(Support, [ReasonCode.Other], "x", OnFocDay)).Code);
        Assert.Equal("Cancel.PartlyPorted", Assert.Throws<DomainException>(() =>
            r.Cancel(Support, "x", FrenchCalendar, OnFocDay)).Code);

        r.StartTestCall(Support, new DateTime(2026, 12, 17, 9, 0, 0, DateTimeKind.Utc));
        var rest = r.RecordTestCallPassed(Support, new DateTime(2026, 12, 17, 9, 30, 0, DateTimeKind.Utc));
        Assert.Equal([N(7), N(8)], rest.Select(l => l.Number));
        Assert.Equal(PortRequestStatus.Completed, r.Status);
        Assert.All(r.Lines, l => Assert.Equal(PortLineStatus.Ported, l.Status));
        AssertAgrees(r);
    }

    [Fact]
    public void Failed_numbers_sent_to_the_customer_are_refused_and_the_request_completes_with_the_numbers_that_passed()
    {
        var r = Block();
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        r.StartTestCall(Support, OnFocDay);
        var ported = r.RecordTestCallFailedActionRequired(Support, "Numéro inactif chez l'opérateur", [ReasonCode.NumberInactive], OnFocDay, [N(19)]);
        Assert.Equal(19, ported.Count);
        Assert.Equal(PortRequestStatus.Completed, r.Status);
        Assert.Equal(OnFocDay, r.CompletedAtUtc);
        Assert.Equal(PortLineStatus.Refused, LineOf(r, 19).Status);
        Assert.Equal(ReasonCode.NumberInactive, LineOf(r, 19).RefusalReason);
        Assert.Empty(r.ActionReasons);
        AssertAgrees(r);
    }

    [Fact]
    public void A_test_call_note_of_the_longest_length_reaches_the_refused_number_whole()
    {
        var r = Block();
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        r.StartTestCall(Support, OnFocDay);
        var note = "Numéro inactif. " + new string('x', PortRequest.MaxCommentLength - 16);
        r.RecordTestCallFailedActionRequired(Support, note, [ReasonCode.NumberInactive], OnFocDay, [N(19)]);
        Assert.Equal(note, LineOf(r, 19).RefusalComment); // was cut to 500 characters
        Assert.Equal(PortRequest.MaxCommentLength, PortLine.MaxRefusalCommentLength);
    }

    [Fact]
    public void When_every_number_fails_with_nothing_ported_the_request_goes_back_as_a_whole()
    {
        var r = Block(3);
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        r.StartTestCall(Support, OnFocDay);
        var ported = r.RecordTestCallFailedActionRequired(Support, "Titulaire différent", [ReasonCode.HolderMismatch], OnFocDay, [N(0), N(1), N(2)]);
        Assert.Empty(ported);
        Assert.Equal(PortRequestStatus.ActionRequired, r.Status);
        Assert.All(r.Lines, l => Assert.Equal(PortLineStatus.Pending, l.Status));
        AssertAgrees(r);
    }

    [Fact]
    public void A_failed_number_must_be_one_still_to_port()
    {
        var r = Block(3);
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        r.StartTestCall(Support, OnFocDay);
        Assert.Equal("TestCall.NotInRequest", Assert.Throws<DomainException>(() => r.RecordTestCallFailedWithNewDate(Support, "x",
            new DateOnly(2026, 12, 17), FrenchCalendar, OnFocDay, [FrenchNumber.Parse("01 45 00 09 99")])).Code);
        Assert.Equal(PortRequestStatus.TestCall, r.Status);
        Assert.All(r.Lines, l => Assert.Equal(PortLineStatus.Confirmed, l.Status));
    }

    [Fact]
    public void The_customer_withdraws_refused_numbers_or_takes_them_into_a_follow_up_with_the_same_answers()
    {
        var r = Block();
        r.RefuseNumbers(Support, [N(3), N(4), N(5)], ReasonCode.RioInvalid, "RIO erroné", Now);
        var withdrawn = LineOf(r, 5).Id;
        r.WithdrawNumbers(Admin, [withdrawn], Now);
        Assert.Equal(PortLineStatus.Withdrawn, LineOf(r, 5).Status);
        Assert.Equal((PortRequestEventKind.NumbersWithdrawn, 1), (r.Events[^1].Kind, r.Events[^1].LineCount));
        Assert.Equal("Withdraw.NotRefused", Assert.Throws<DomainException>(() => r.WithdrawNumbers(Admin, [withdrawn], Now)).Code);
        Assert.Equal("Withdraw.NotRefused", Assert.Throws<DomainException>(() => r.WithdrawNumbers(Admin, [LineOf(r, 6).Id], Now)).Code);

        var followUp = r.StartFollowUp(Guid.NewGuid(), Admin, [LineOf(r, 3).Id, LineOf(r, 4).Id], Now);
        Assert.Equal(PortRequestStatus.Draft, followUp.Status);
        Assert.Equal((r.Id, "POR-2026-000042"), (followUp.FollowUpOfId, followUp.FollowUpOfReference));
        Assert.Equal([N(3), N(4)], followUp.Lines.OrderBy(l => l.Position).Select(l => l.Number));
        Assert.Equal((r.CarrierCode, r.CarrierAccountNumber, r.ServiceAddress, r.AccountHolder),
            (followUp.CarrierCode, followUp.CarrierAccountNumber, followUp.ServiceAddress, followUp.AccountHolder));
        Assert.All(followUp.Lines, l => Assert.Equal(followUp.Id, l.PortRequestId));
        Assert.Empty(r.LinesAwaitingCustomer);
        Assert.Equal(followUp.Id, r.Events[^1].FollowUpRequestId);

        // Its main line has no RIO yet: the follow-up cannot be signed before the numbers step is done again.
        Assert.True(followUp.MissingForSubmission().HasFlag(WizardSection.Lines));
        Assert.Equal("FollowUp.NotRefused", Assert.Throws<DomainException>(() =>
            r.StartFollowUp(Guid.NewGuid(), Admin, [LineOf(r, 3).Id], Now)).Code);

        // Deleting the follow-up draft gives the numbers back.
        r.FollowUpDeleted(followUp.Id, Now);
        Assert.Equal([N(3), N(4)], r.LinesAwaitingCustomer.Select(l => l.Number));
        AssertAgrees(r);
    }

    [Fact]
    public void Only_the_admin_chooses_what_becomes_of_refused_numbers()
    {
        var r = Block();
        r.RefuseNumbers(Support, [N(3)], ReasonCode.RioInvalid, "RIO erroné", Now);
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => r.WithdrawNumbers(User, [LineOf(r, 3).Id], Now)).Code);
        Assert.Equal("PortRequest.Forbidden", Assert.Throws<DomainException>(() => r.StartFollowUp(Guid.NewGuid(), Support, [LineOf(r, 3).Id], Now)).Code);
        Assert.Equal("FollowUp.NoNumber", Assert.Throws<DomainException>(() => r.StartFollowUp(Guid.NewGuid(), Admin, [], Now)).Code);
    }

    [Fact]
    public void Ported_numbers_join_the_account_when_they_are_ported_and_the_main_number_replaces_the_temporary_one_only_then()
    {
        var r = new PortRequestBuilder(Guid.NewGuid(), Admin, Now).Carrier("F0")
            .Lines(("01 45 00 00 00", "F0X123456"), ("01 45 00 00 01", null), ("01 45 00 00 02", null))
            .MainNumber("01 45 00 00 02").Submit("POR-2026-000043");
        var account = Account.Open(r.AccountId, "Cabinet Durand", Temporary, Now);
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        r.StartTestCall(Support, OnFocDay);

        // The chosen main number failed: the others join, the temporary number stays the default.
        var first = r.RecordTestCallFailedWithNewDate(Support, "SDA muette", new DateOnly(2026, 12, 17), FrenchCalendar, OnFocDay, [N(2)]);
        account.AddPortedNumbers(r, first, OnFocDay);
        Assert.Equal(Temporary, account.DefaultNumber);
        Assert.Equal(3, account.Numbers.Count);

        var later = new DateTime(2026, 12, 17, 9, 0, 0, DateTimeKind.Utc);
        r.StartTestCall(Support, later);
        var second = r.RecordTestCallPassed(Support, later);
        account.AddPortedNumbers(r, second, later);
        Assert.Equal(N(2), account.DefaultNumber);
        Assert.Equal([N(0), N(1), N(2)], account.Numbers.Select(n => n.Number).OrderBy(n => n.E164));
        Assert.Equal("Account.PortAlreadyApplied", Assert.Throws<DomainException>(() => account.AddPortedNumbers(r, second, later)).Code);
    }

    /// <summary>Every combination of three numbers' statuses: complete exactly when none is left to port and one was ported.</summary>
    [Fact]
    public void A_request_is_settled_exactly_when_nothing_is_left_to_port_and_something_was_ported()
    {
        var statuses = Enum.GetValues<PortLineStatus>();
        var combinations = 0;
        foreach (var a in statuses)
        {
            foreach (var b in statuses)
            {
                foreach (var c in statuses)
                {
                    PortLineStatus[] lines = [a, b, c];
                    var expected = lines.All(l => l is PortLineStatus.Ported or PortLineStatus.Refused or PortLineStatus.Withdrawn)
                        && lines.Contains(PortLineStatus.Ported);
                    Assert.Equal(expected, PortLineStatuses.Settle(lines));
                    Assert.Equal(expected, PortLineStatuses.Agree(PortRequestStatus.Completed, lines));
                    combinations++;
                }
            }
        }

        Assert.Equal(343, combinations);
    }

    [Theory]
    [InlineData(PortRequestStatus.Draft, new[] { PortLineStatus.Pending, PortLineStatus.Pending }, true)]
    [InlineData(PortRequestStatus.Draft, new[] { PortLineStatus.Pending, PortLineStatus.Refused }, false)]
    [InlineData(PortRequestStatus.Submitted, new[] { PortLineStatus.Pending, PortLineStatus.Refused }, true)]
    [InlineData(PortRequestStatus.Submitted, new[] { PortLineStatus.Refused, PortLineStatus.Withdrawn }, false)]
    [InlineData(PortRequestStatus.Submitted, new[] { PortLineStatus.Pending, PortLineStatus.Ported }, false)]
    [InlineData(PortRequestStatus.FocConfirmed, new[] { PortLineStatus.Confirmed, PortLineStatus.Ported }, true)]
    [InlineData(PortRequestStatus.FocConfirmed, new[] { PortLineStatus.Pending, PortLineStatus.Confirmed }, false)]
    [InlineData(PortRequestStatus.FocConfirmed, new[] { PortLineStatus.Ported, PortLineStatus.Refused }, false)]
    [InlineData(PortRequestStatus.TestCall, new[] { PortLineStatus.TestFailed, PortLineStatus.Withdrawn }, true)]
    [InlineData(PortRequestStatus.Cancelled, new[] { PortLineStatus.Cancelled, PortLineStatus.Refused }, true)]
    [InlineData(PortRequestStatus.Cancelled, new[] { PortLineStatus.Cancelled, PortLineStatus.Ported }, false)]
    public void A_status_and_its_numbers_agree_only_in_the_combinations_the_lifecycle_can_reach(PortRequestStatus status, PortLineStatus[] lines, bool agree) =>
        Assert.Equal(agree, PortLineStatuses.Agree(status, lines));

    [Fact]
    public void A_whole_send_back_after_a_partial_refusal_keeps_the_refused_numbers_refused_and_re_entering_one_sends_it_again()
    {
        var r = Block(3);
        r.RefuseNumbers(Support, [N(2)], ReasonCode.RioInvalid, "RIO erroné", Now);
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        r.RequireAction(Support, [ReasonCode.LinesIncomplete], "Il manque des numéros", Now);
        AssertAgrees(r);
        Assert.Equal(PortLineStatus.Refused, LineOf(r, 2).Status);
        r.SetLines(Admin, [.. r.Lines.OrderBy(l => l.Position).Select(l => new LineInput(l.Number, l.Rio))], Now);
        Assert.All(r.Lines, l => Assert.Equal(PortLineStatus.Pending, l.Status));
        r.Submit(Admin, Signature(), Terms, null, Now);
        AssertAgrees(r);
    }
}
