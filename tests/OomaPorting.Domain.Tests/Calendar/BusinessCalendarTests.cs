using OomaPorting.Domain.Calendar;

namespace OomaPorting.Domain.Tests.Calendar;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.France;

    public static TheoryData<int, string[]> Holidays => new()
    {
        { 2025, ["2025-01-01", "2025-04-21", "2025-05-01", "2025-05-08", "2025-05-29", "2025-06-09", "2025-07-14", "2025-08-15", "2025-11-01", "2025-11-11", "2025-12-25"] },
        { 2026, ["2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25"] },
        { 2027, ["2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17", "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25"] },
    };

    [Theory]
    [MemberData(nameof(Holidays))]
    public void Lists_the_eleven_french_public_holidays(int year, string[] expected)
    {
        Assert.Equal(expected.Select(DateOnly.Parse), Calendar.PublicHolidays(year));
    }

    [Theory]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2019, 4, 21)]
    [InlineData(2038, 4, 25)]
    public void Computes_easter_sunday(int year, int month, int day)
    {
        Assert.Equal(new DateOnly(year, month, day), BusinessCalendar.EasterSunday(year));
    }

    [Theory]
    [InlineData("2026-12-01", true)]  // Tuesday
    [InlineData("2026-12-05", false)] // Saturday
    [InlineData("2026-12-06", false)] // Sunday
    [InlineData("2026-12-25", false)] // Christmas, Friday
    [InlineData("2026-05-14", false)] // Ascension, Thursday
    [InlineData("2027-03-29", false)] // Easter Monday
    [InlineData("2026-12-24", true)]  // Christmas Eve is worked
    [InlineData("2026-04-03", true)]  // Good Friday: not a holiday outside Alsace-Moselle
    public void Working_days_are_weekdays_that_are_not_holidays(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date)));
    }

    [Fact]
    public void Adds_working_days_over_weekends_and_holidays()
    {
        // Thursday 24 Dec 2026 + 1 = Monday 28 Dec (Christmas Friday and the weekend skipped).
        Assert.Equal(new DateOnly(2026, 12, 28), Calendar.AddWorkingDays(new DateOnly(2026, 12, 24), 1));
        // Wednesday 13 May 2026 + 1 = Friday 15 May (Ascension skipped).
        Assert.Equal(new DateOnly(2026, 5, 15), Calendar.AddWorkingDays(new DateOnly(2026, 5, 13), 1));
        Assert.Equal(new DateOnly(2026, 5, 13), Calendar.AddWorkingDays(new DateOnly(2026, 5, 13), 0));
    }

    [Fact]
    public void Counts_working_days_between_two_dates()
    {
        Assert.Equal(2, Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 11), new DateOnly(2026, 12, 15)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 15)));
        Assert.Equal(0, Calendar.WorkingDaysBetween(new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void Expected_dates_follow_the_domain_rules()
    {
        var submitted = new DateOnly(2026, 12, 1);
        Assert.Equal(new DateOnly(2026, 12, 15), Calendar.ExpectedFocDate(submitted));
        // 15 and 20 working days, with Christmas and 1 January skipped.
        Assert.Equal((new DateOnly(2026, 12, 22), new DateOnly(2026, 12, 30)), Calendar.ExpectedCompletion(submitted));
        // Ten working days from 22 Dec 2026 cross Christmas and New Year's Day: Thursday 7 January 2027.
        Assert.Equal(new DateOnly(2027, 1, 7), Calendar.AddWorkingDays(new DateOnly(2026, 12, 22), 10));
    }

    [Fact]
    public void The_date_in_france_follows_paris_time()
    {
        Assert.Equal(new DateOnly(2026, 12, 2), BusinessCalendar.DateInFrance(new DateTime(2026, 12, 1, 23, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 7, 1), BusinessCalendar.DateInFrance(new DateTime(2026, 6, 30, 22, 30, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 6, 30), BusinessCalendar.DateInFrance(new DateTime(2026, 6, 30, 21, 30, 0, DateTimeKind.Utc)));
    }
}
