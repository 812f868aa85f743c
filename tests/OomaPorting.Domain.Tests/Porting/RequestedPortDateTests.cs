using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;

namespace OomaPorting.Domain.Tests.Porting;

/// <summary>The requested porting date: a working day, from the standard delay, within three months; until the FOC date is set.</summary>
public class RequestedPortDateTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc); // Tuesday
    private static readonly Actor Admin = new("admin", ActorRole.AccountAdmin, "Marie Martin");
    private static readonly Actor Support = new("support", ActorRole.Support, "Support");
    private static readonly BusinessCalendar Calendar = BusinessCalendar.France;

    [Theory]
    [InlineData("2026-12-21", "RequestedDate.TooEarly")]   // 14 working days
    [InlineData("2026-12-22", null)]                       // 15 working days: the earliest
    [InlineData("2026-12-25", "RequestedDate.NotWorkingDay")] // Christmas
    [InlineData("2027-01-02", "RequestedDate.NotWorkingDay")] // a Saturday
    [InlineData("2027-03-01", null)]                       // three months to the day
    [InlineData("2027-03-02", "RequestedDate.TooLate")]
    public void The_rule_of_a_requested_date(string date, string? expected) =>
        Assert.Equal(expected, PortRequest.CheckRequestedPortDate(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Calendar, Now));

    [Fact]
    public void A_submitted_request_records_the_wish_in_its_history_until_the_foc_date_is_set()
    {
        var r = new PortRequestBuilder(Guid.NewGuid(), Admin, Now).Submit("POR-2026-000001");
        var version = r.Version;

        r.RequestPortDate(Admin, new DateOnly(2027, 1, 5), PortingHalfDay.Afternoon, Calendar, Now);

        Assert.Equal(new DateOnly(2027, 1, 5), r.RequestedPortDate);
        Assert.Equal(PortingHalfDay.Afternoon, r.RequestedHalfDay);
        Assert.Equal(version + 1, r.Version);
        Assert.Equal(new DateOnly(2027, 1, 5), Assert.Single(r.Events, e => e.Kind == PortRequestEventKind.PortDateRequested).RequestedPortDate);

        Assert.Equal("RequestedDate.TooEarly", Assert.Throws<DomainException>(() =>
            r.RequestPortDate(Admin, new DateOnly(2026, 12, 2), null, Calendar, Now)).Code);
        Assert.Equal(new DateOnly(2027, 1, 5), r.RequestedPortDate);
        Assert.Throws<DomainException>(() => r.RequestPortDate(Support, null, null, Calendar, Now));

        r.RequestPortDate(Admin, null, PortingHalfDay.Morning, Calendar, Now); // withdrawn: no half-day without a date
        Assert.Null(r.RequestedPortDate);
        Assert.Null(r.RequestedHalfDay);

        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(Support, Now);
        }

        r.SetFocDate(Support, new DateOnly(2027, 1, 5), Calendar, Now);
        Assert.False(r.MayRequestPortDate);
        Assert.Equal("RequestedDate.Locked", Assert.Throws<DomainException>(() =>
            r.RequestPortDate(Admin, new DateOnly(2027, 1, 6), null, Calendar, Now)).Code);
    }
}
