using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// The porting date the subscriber asks for. In France a subscriber may ask for the day the number moves: a working
/// day no earlier than the standard delay and within three months. Support sees it and starts the FOC date from it;
/// the carrier's FOC date remains the one that counts.
/// </summary>
public sealed partial class PortRequest
{
    /// <summary>The standard delay, in working days after today, before which no porting date can be asked for.</summary>
    public const int RequestedDateEarliestWorkingDays = BusinessCalendar.CompletionEarliestWorkingDays;

    /// <summary>How far ahead a porting date can be asked for.</summary>
    public const int RequestedDateLatestMonths = 3;

    public DateOnly? RequestedPortDate { get; private set; }

    public PortingHalfDay? RequestedHalfDay { get; private set; }

    /// <summary>The admin may ask for (or change, or withdraw) a date while writing the request and until a FOC date is set.</summary>
    public bool MayRequestPortDate => Status is PortRequestStatus.Draft
        || (Status is PortRequestStatus.Submitted or PortRequestStatus.ActionRequired && FocDate is null);

    /// <summary>The earliest date that can be asked for on <paramref name="nowUtc"/>'s day.</summary>
    public static DateOnly EarliestRequestablePortDate(BusinessCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(BusinessCalendar.DateInFrance(nowUtc), RequestedDateEarliestWorkingDays);
    }

    /// <summary>The latest date that can be asked for on <paramref name="nowUtc"/>'s day.</summary>
    public static DateOnly LatestRequestablePortDate(DateTime nowUtc) => BusinessCalendar.DateInFrance(nowUtc).AddMonths(RequestedDateLatestMonths);

    /// <summary>Why <paramref name="date"/> cannot be asked for (a stable code), or null.</summary>
    public static string? CheckRequestedPortDate(DateOnly date, BusinessCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (date < EarliestRequestablePortDate(calendar, nowUtc))
        {
            return "RequestedDate.TooEarly";
        }

        if (date > LatestRequestablePortDate(nowUtc))
        {
            return "RequestedDate.TooLate";
        }

        return calendar.IsWorkingDay(date) ? null : "RequestedDate.NotWorkingDay";
    }

    /// <summary>
    /// Asks for a porting date (and a half-day), or withdraws the wish with null. Recorded in the history once the
    /// request is submitted.
    /// </summary>
    public void RequestPortDate(Actor actor, DateOnly? date, PortingHalfDay? halfDay, BusinessCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(calendar);
        RequireMay(PortAction.RequestPortDate, actor, nowUtc, calendar); // not once the FOC date is set

        if (date is { } d && CheckRequestedPortDate(d, calendar, nowUtc) is { } problem)
        {
            throw new DomainException(problem, "This porting date cannot be asked for.");
        }

        var wished = date is null ? null : halfDay;
        if (RequestedPortDate == date && RequestedHalfDay == wished)
        {
            return;
        }

        RequestedPortDate = date;
        RequestedHalfDay = wished;
        if (Status == PortRequestStatus.Draft)
        {
            Touch(nowUtc);
        }
        else
        {
            Record(actor, nowUtc, PortRequestEventKind.PortDateRequested, Status).RequestedPortDate = date;
        }
    }
}
