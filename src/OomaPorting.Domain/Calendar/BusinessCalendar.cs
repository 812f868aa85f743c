namespace OomaPorting.Domain.Calendar;

/// <summary>
/// Porting counts Monday to Friday, French public holidays excluded (docs/domain.md, "Working days").
/// Holidays are computed, Easter-based ones from the Gregorian computus, so no year is ever missing.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>Working days from submission to the expected FOC date.</summary>
    public const int FocExpectedAfterWorkingDays = 10;

    public const int CompletionEarliestWorkingDays = 15;

    public const int CompletionLatestWorkingDays = 20;

    /// <summary>A customer cannot cancel when the FOC date is this many working days away or closer.</summary>
    public const int CustomerCancellationCutoffWorkingDays = 2;

    public static BusinessCalendar France { get; } = new();

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The calendar date in metropolitan France at <paramref name="utc"/>: "today" for every date rule.</summary>
    /// <summary>Midnight of <paramref name="date"/> in Paris, as a UTC instant.</summary>
    public static DateTime StartOfDayInFranceUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Paris);

    public static DateOnly DateInFrance(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, HashSet<DateOnly>> _holidaysByYear = new();

    public IReadOnlyList<DateOnly> PublicHolidays(int year) => [.. HolidaySet(year).Order()];

    private HashSet<DateOnly> HolidaySet(int year) => _holidaysByYear.GetOrAdd(year, y => [.. ComputeHolidays(y)]);

    private static DateOnly[] ComputeHolidays(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new DateOnly(year, 1, 1),
            easter.AddDays(1),   // Lundi de Pâques
            new DateOnly(year, 5, 1),
            new DateOnly(year, 5, 8),
            easter.AddDays(39),  // Ascension
            easter.AddDays(50),  // Lundi de Pentecôte
            new DateOnly(year, 7, 14),
            new DateOnly(year, 8, 15),
            new DateOnly(year, 11, 1),
            new DateOnly(year, 11, 11),
            new DateOnly(year, 12, 25),
        ];
    }

    public bool IsPublicHoliday(DateOnly date) => HolidaySet(date.Year).Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="from"/> (not counting it).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = from;
        var left = workingDays;
        while (left > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>The date <paramref name="workingDays"/> working days before <paramref name="from"/> (not counting it).</summary>
    public DateOnly SubtractWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = from;
        var left = workingDays;
        while (left > 0)
        {
            date = date.AddDays(-1);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }

    /// <summary>The first working day on or after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; 0 when <paramref name="to"/> is not later.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }

    public DateOnly ExpectedFocDate(DateOnly submittedOn) => AddWorkingDays(submittedOn, FocExpectedAfterWorkingDays);

    /// <summary>Completion window before a FOC date is known; once it is, completion is expected on it.</summary>
    public (DateOnly Earliest, DateOnly Latest) ExpectedCompletion(DateOnly submittedOn) =>
        (AddWorkingDays(submittedOn, CompletionEarliestWorkingDays), AddWorkingDays(submittedOn, CompletionLatestWorkingDays));

    /// <summary>Anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
