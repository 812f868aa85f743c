using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>Stopping a request: who may, until when, and what it does to its numbers.</summary>
public sealed partial class PortRequest
{
    /// <summary>
    /// Cancels a request before its test call. The admin may not within 2 working days of the FOC date
    /// (the carrier is already scheduled); support may, with a reason.
    /// </summary>
    public void Cancel(Actor actor, string? reason, BusinessCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(calendar);
        // Not once some numbers are ported, and the admin not within 2 working days of the FOC date (only support can then).
        RequireMay(PortAction.Cancel, actor, nowUtc, calendar);
        var text = DomainText.Clean(reason, "Comment", MaxCommentLength, required: actor.IsSupport);

        foreach (var line in LinesToPort.ToList())
        {
            line.MarkCancelled();
        }

        CancelledAtUtc = nowUtc;
        var e = Transition(actor, nowUtc, PortRequestEventKind.Cancelled, PortRequestStatus.Cancelled);
        e.OldFocDate = FocDate;
        e.Comment = NullIfEmpty(text);
    }

    /// <summary>True while the admin may still cancel: before the test call and more than 2 working days before the FOC date.</summary>
    public bool CustomerMayCancel(BusinessCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Status is not (PortRequestStatus.Draft or PortRequestStatus.Submitted or PortRequestStatus.ActionRequired
            or PortRequestStatus.FocConfirmed))
        {
            return false;
        }

        if (FocDate is not { } foc)
        {
            return true;
        }

        var today = BusinessCalendar.DateInFrance(nowUtc);
        return foc > today && calendar.WorkingDaysBetween(today, foc) > BusinessCalendar.CustomerCancellationCutoffWorkingDays;
    }
}
