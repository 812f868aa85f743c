using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>The desk's service levels: when a request under way is late, and why, in working days (holidays excluded).</summary>
public class SlaCutoffsTests
{
    private static readonly SlaLimits Limits = new(FocWithinWorkingDays: 10, CustomerSilentAfterWorkingDays: 5);

    private static DateTime Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static LateReason ReasonAt(PortRequest r, DateTime nowUtc)
    {
        var cutoffs = SlaCutoffs.At(nowUtc, FrenchCalendar, Limits);
        var reason = cutoffs.Reason().Compile()(r);
        Assert.Equal(reason != LateReason.None, cutoffs.IsLate().Compile()(r)); // the filter is the same rule
        return reason;
    }

    /// <summary>Submitted at <paramref name="at"/> and, unless told otherwise, its documents checked in the hour.</summary>
    private static PortRequest SubmittedAt(DateTime at, bool check = true)
    {
        var r = CompleteDraft();
        r.Submit(Admin, Signature(), Terms, "POR-2026-000001", at);
        if (check)
        {
            r.CheckDocuments(Support, at.AddHours(1));
        }

        return r;
    }

    [Fact]
    public void A_request_whose_documents_are_not_checked_is_late_after_one_working_day_and_the_check_clears_it()
    {
        var r = SubmittedAt(Utc(2026, 12, 4, 9), check: false); // Friday
        Assert.Equal(LateReason.None, ReasonAt(r, Utc(2026, 12, 7, 16))); // Monday: the first working day after
        Assert.Equal(LateReason.NotChecked, ReasonAt(r, Utc(2026, 12, 8, 8))); // Tuesday
        r.CheckDocuments(Support, Utc(2026, 12, 8, 9));
        Assert.Equal(LateReason.None, ReasonAt(r, Utc(2026, 12, 8, 10)));
    }

    [Fact]
    public void A_request_without_a_foc_date_is_late_the_day_after_its_tenth_working_day()
    {
        var r = SubmittedAt(Utc(2026, 12, 1, 9)); // Tuesday
        Assert.Equal(LateReason.None, ReasonAt(r, Utc(2026, 12, 15, 16))); // tenth working day after
        Assert.Equal(LateReason.NoFocDate, ReasonAt(r, Utc(2026, 12, 16, 8)));
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Utc(2026, 12, 16, 9));
        }

        r.SetFocDate(Support, new DateOnly(2026, 12, 18), FrenchCalendar, Utc(2026, 12, 16, 9));
        Assert.Equal(LateReason.None, ReasonAt(r, Utc(2026, 12, 16, 10)));
    }

    [Fact]
    public void A_sent_back_request_is_late_after_five_working_days_and_christmas_and_new_year_do_not_count()
    {
        var r = SubmittedAt(Utc(2026, 12, 21, 9));
        r.RequireAction(Support, [ReasonCode.HolderMismatch], "Le nom ne correspond pas.", Utc(2026, 12, 24, 10)); // Thursday
        // 28, 29, 30, 31 December and 4 January: 25 December and 1 January are holidays.
        Assert.Equal(LateReason.None, ReasonAt(r, Utc(2027, 1, 4, 17)));
        Assert.Equal(LateReason.CustomerSilent, ReasonAt(r, Utc(2027, 1, 5, 8)));

        // The customer fixes it: submitted again, the ten days start over.
        r.Submit(Admin, Signature(), Terms, null, Utc(2027, 1, 5, 9));
        Assert.Equal(LateReason.None, ReasonAt(r, Utc(2027, 1, 6, 9)));
    }

    [Fact]
    public void A_passed_foc_date_without_a_test_call_and_a_test_call_left_open_overnight_are_late()
    {
        var r = SubmittedAt(Utc(2026, 12, 1, 9));
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Utc(2026, 12, 2, 9));
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Utc(2026, 12, 2, 9));
        Assert.Equal(LateReason.None, ReasonAt(r, Utc(2026, 12, 15, 22))); // 23:00 in Paris: still the FOC day
        Assert.Equal(LateReason.FocPassed, ReasonAt(r, Utc(2026, 12, 15, 23))); // midnight in Paris

        r.StartTestCall(Support, Utc(2026, 12, 16, 9));
        Assert.Equal(LateReason.None, ReasonAt(r, Utc(2026, 12, 16, 20)));
        Assert.Equal(LateReason.TestCallOpen, ReasonAt(r, Utc(2026, 12, 17, 7)));
    }

    [Theory]
    [InlineData(PortRequestStatus.Draft)]
    [InlineData(PortRequestStatus.Completed)]
    [InlineData(PortRequestStatus.Cancelled)]
    public void Drafts_and_finished_requests_are_never_late(PortRequestStatus status) =>
        Assert.Equal(LateReason.None, ReasonAt(InState(status), Utc(2027, 6, 1, 9)));

    private static Urgency UrgencyAt(PortRequest r, DateTime nowUtc) =>
        SlaCutoffs.At(nowUtc, FrenchCalendar, Limits).Urgency().Compile()(r);

    [Fact]
    public void Urgency_puts_late_requests_first_then_what_is_due_today_then_the_rest()
    {
        var r = SubmittedAt(Utc(2026, 12, 1, 9));
        Assert.Equal(Urgency.Later, UrgencyAt(r, Utc(2026, 12, 2, 9)));
        Assert.Equal(Urgency.Late, UrgencyAt(r, Utc(2026, 12, 16, 8))); // no FOC date after ten working days

        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Utc(2026, 12, 2, 9));
        }

        r.SetFocDate(Support, Foc, FrenchCalendar, Utc(2026, 12, 2, 9));
        Assert.Equal(Urgency.Later, UrgencyAt(r, Utc(2026, 12, 14, 12)));
        Assert.Equal(Urgency.DueToday, UrgencyAt(r, Utc(2026, 12, 15, 7))); // the FOC day, from midnight in Paris
        Assert.Equal(Urgency.Late, UrgencyAt(r, Utc(2026, 12, 16, 7))); // passed without a test call

        r.StartTestCall(Support, Utc(2026, 12, 16, 9));
        Assert.Equal(Urgency.DueToday, UrgencyAt(r, Utc(2026, 12, 16, 10))); // its result is due today
        Assert.Equal(Urgency.Late, UrgencyAt(r, Utc(2026, 12, 17, 7)));
    }
}
