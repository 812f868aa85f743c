using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>What a closed request keeps once its personal data and then its mandates have reached their retention.</summary>
public class RetentionTests
{
    private static readonly DateTime Later = Now.AddMonths(14);

    [Fact]
    public void Erasing_a_completed_request_forgets_who_and_where_but_keeps_what_happened()
    {
        var r = InState(PortRequestStatus.Completed);
        var reference = r.Reference;
        var numbers = r.Lines.Select(l => (l.Number, l.Status)).ToList();
        var events = r.Events.Count;
        var text = r.Mandates[^1].CanonicalText;

        Assert.True(r.ErasePersonalData(Later));

        Assert.Null(r.AccountHolder);
        Assert.Null(r.ServiceAddress);
        Assert.Null(r.CarrierAccountNumber);
        Assert.Null(r.SignerName);
        Assert.All(r.Mandates, m =>
        {
            Assert.Null(m.DrawnSignaturePng);
            Assert.Null(m.ClientAddress);
            Assert.Null(m.UserAgent);
        });
        Assert.Equal(Later, r.PersonalDataErasedAtUtc);

        // What stays: the reference, status, dates, numbers with their outcome, the history, the sealed mandate.
        Assert.Equal(reference, r.Reference);
        Assert.Equal(PortRequestStatus.Completed, r.Status);
        Assert.NotNull(r.CompletedAtUtc);
        Assert.Equal(numbers, r.Lines.Select(l => (l.Number, l.Status)).ToList());
        Assert.Equal(events + 1, r.Events.Count);
        Assert.Equal(PortRequestEventKind.PersonalDataErased, r.Events[^1].Kind);
        Assert.Equal(ActorRole.System, r.Events[^1].ActorRole);
        Assert.Equal(text, r.Mandates[^1].CanonicalText);
        Assert.Equal(MandateIntegrity.FingerprintOnly, r.Mandates[^1].CheckWith([]));
        Assert.True(r.LinesAgreeWithStatus);
    }

    [Fact]
    public void Erasing_twice_changes_nothing_the_second_time()
    {
        var r = InState(PortRequestStatus.Completed);
        r.ErasePersonalData(Later);
        var events = r.Events.Count;
        var version = r.Version;

        Assert.False(r.ErasePersonalData(Later.AddDays(1)));
        Assert.Equal(events, r.Events.Count);
        Assert.Equal(version, r.Version);
        Assert.Equal(Later, r.PersonalDataErasedAtUtc);
    }

    [Fact]
    public void A_cancelled_request_is_erased_too()
    {
        var r = InState(PortRequestStatus.Cancelled);

        Assert.True(r.ErasePersonalData(Later));
        Assert.Null(r.AccountHolder);
        Assert.Equal(PortRequestStatus.Cancelled, r.Status);
    }

    [Theory]
    [InlineData(PortRequestStatus.Draft)]
    [InlineData(PortRequestStatus.Submitted)]
    [InlineData(PortRequestStatus.ActionRequired)]
    [InlineData(PortRequestStatus.FocConfirmed)]
    [InlineData(PortRequestStatus.TestCall)]
    public void A_request_that_may_still_change_keeps_its_data(PortRequestStatus status)
    {
        var r = InState(status);

        var refused = Assert.Throws<DomainException>(() => r.ErasePersonalData(Later));
        Assert.Equal("Retention.NotClosed", refused.Code);
        Assert.NotNull(r.AccountHolder);
        Assert.Null(r.PersonalDataErasedAtUtc);
        Assert.Throws<DomainException>(() => r.DeleteMandates(Later));
        Assert.Equal(status == PortRequestStatus.Draft ? 0 : 1, r.Mandates.Count);
    }

    [Fact]
    public void The_carrier_s_words_on_refused_numbers_go_and_their_reason_stays()
    {
        var r = new PortRequestBuilder(Guid.NewGuid(), Admin, Now).Carrier("F0")
            .Lines(("01 45 00 00 00", "F0X123456"), ("01 45 00 00 01", null), ("01 45 00 00 02", null))
            .MainNumber("01 45 00 00 00").Submit("POR-2026-000043");
        var refused = OomaPorting.Domain.Numbers.FrenchNumber.Parse("01 45 00 00 02");
        r.RefuseNumbers(Support, [refused], ReasonCode.NumberInactive, "Ligne de M. Dupont résiliée", Now);
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Now);
        r.StartTestCall(Support, OnFocDay);
        r.RecordTestCallPassed(Support, OnFocDay);

        r.ErasePersonalData(Later);

        var line = r.Lines.Single(l => l.Number == refused);
        Assert.Null(line.RefusalComment);
        Assert.Equal(ReasonCode.NumberInactive, line.RefusalReason);
        Assert.Equal(PortLineStatus.Refused, line.Status);
    }

    [Fact]
    public void Deleting_the_mandates_at_the_end_of_their_evidence_period_leaves_the_request()
    {
        var r = InState(PortRequestStatus.Completed);
        r.ErasePersonalData(Later);

        Assert.True(r.DeleteMandates(Later.AddYears(5)));

        Assert.Empty(r.Mandates);
        Assert.Equal(Later.AddYears(5), r.MandatesDeletedAtUtc);
        Assert.Equal(PortRequestEventKind.MandatesDeleted, r.Events[^1].Kind);
        Assert.False(r.DeleteMandates(Later.AddYears(6)));
        Assert.Equal(PortRequestStatus.Completed, r.Status);
    }

    [Fact]
    public void Closed_at_is_the_completion_or_the_cancellation()
    {
        Assert.Equal(InState(PortRequestStatus.Completed).CompletedAtUtc, InState(PortRequestStatus.Completed).ClosedAtUtc);
        Assert.Equal(Now, InState(PortRequestStatus.Cancelled).ClosedAtUtc);
        Assert.Null(InState(PortRequestStatus.FocConfirmed).ClosedAtUtc);
    }
}
