using OomaPorting.Domain.Porting;
using static OomaPorting.Domain.Tests.Porting.TestRequests;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>The one rule for offering the FOC date as a calendar file (issue 38, point 1: it was decided in four places).</summary>
public class CalendarFileTests
{
    [Theory]
    [InlineData(PortRequestStatus.Draft, false)]
    [InlineData(PortRequestStatus.Submitted, false)]
    [InlineData(PortRequestStatus.ActionRequired, false)]
    [InlineData(PortRequestStatus.FocConfirmed, true)]
    [InlineData(PortRequestStatus.TestCall, true)]
    [InlineData(PortRequestStatus.Completed, false)]
    [InlineData(PortRequestStatus.Cancelled, false)]
    public void The_calendar_file_is_offered_from_the_carriers_date_until_the_test_call_is_done(PortRequestStatus status, bool offered) =>
        Assert.Equal(offered, InState(status).HasCalendarFile);
}
