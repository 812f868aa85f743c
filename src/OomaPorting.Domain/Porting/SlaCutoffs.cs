using System.Linq.Expressions;
using OomaPorting.Domain.Calendar;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// The desk's service levels on a given day: one rule, as an expression, that the database evaluates for the queue (its
/// filter and its flag column) and that code evaluates in memory, so the two can never disagree. Working days follow
/// <see cref="BusinessCalendar"/> (French public holidays excluded); "today" is the date in Paris.
/// </summary>
public sealed class SlaCutoffs
{
    private SlaCutoffs(DateTime statusBeforeForCheck, DateTime statusBeforeForFoc, DateTime statusBeforeForCustomer, DateOnly today, DateTime startOfTodayUtc)
    {
        CheckBefore = statusBeforeForCheck;
        SubmittedBefore = statusBeforeForFoc;
        SentBackBefore = statusBeforeForCustomer;
        Today = today;
        StartOfTodayUtc = startOfTodayUtc;
    }

    /// <summary>A request submitted before this instant (UTC) whose documents support has not checked is late.</summary>
    public DateTime CheckBefore { get; }

    /// <summary>A request submitted before this instant (UTC) without a FOC date is late.</summary>
    public DateTime SubmittedBefore { get; }

    /// <summary>A request sent back before this instant (UTC) that the customer has not acted on is late.</summary>
    public DateTime SentBackBefore { get; }

    public DateOnly Today { get; }

    /// <summary>Midnight in Paris today, in UTC: a test call started before it belongs to an earlier day.</summary>
    public DateTime StartOfTodayUtc { get; }

    public static SlaCutoffs At(DateTime nowUtc, BusinessCalendar calendar, SlaLimits limits)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(limits);
        var today = BusinessCalendar.DateInFrance(nowUtc);
        return new SlaCutoffs(
            BusinessCalendar.StartOfDayInFranceUtc(calendar.SubtractWorkingDays(today, limits.CheckWithinWorkingDays)),
            BusinessCalendar.StartOfDayInFranceUtc(calendar.SubtractWorkingDays(today, limits.FocWithinWorkingDays)),
            BusinessCalendar.StartOfDayInFranceUtc(calendar.SubtractWorkingDays(today, limits.CustomerSilentAfterWorkingDays)),
            today,
            BusinessCalendar.StartOfDayInFranceUtc(today));
    }

    /// <summary>Why a request is late (or <see cref="LateReason.None"/>): the rule itself, for a query (translated to SQL) or compiled for one request.</summary>
    public Expression<Func<PortRequest, LateReason>> Reason()
    {
        var checkBefore = CheckBefore;
        var submittedBefore = SubmittedBefore;
        var sentBackBefore = SentBackBefore;
        var today = Today;
        var startOfToday = StartOfTodayUtc;
        return r =>
            r.Status == PortRequestStatus.Submitted && r.DocumentsCheckedAtUtc == null && r.StatusChangedAtUtc < checkBefore ? LateReason.NotChecked
            : r.Status == PortRequestStatus.Submitted && r.StatusChangedAtUtc < submittedBefore ? LateReason.NoFocDate
            : r.Status == PortRequestStatus.ActionRequired && r.StatusChangedAtUtc < sentBackBefore ? LateReason.CustomerSilent
            : r.Status == PortRequestStatus.FocConfirmed && r.FocDate < today ? LateReason.FocPassed
            : r.Status == PortRequestStatus.TestCall && r.StatusChangedAtUtc < startOfToday ? LateReason.TestCallOpen
            : LateReason.None;
    }

    /// <summary>
    /// How urgent a request is for the desk today: late first (<see cref="Reason"/>), then due today (FOC date today, a
    /// test call started today), then the rest. The queue orders by it, in the database.
    /// </summary>
    public Expression<Func<PortRequest, Urgency>> Urgency()
    {
        var reason = Reason();
        var r = reason.Parameters[0];
        var today = Today;
        Expression<Func<PortRequest, bool>> dueToday = x =>
            (x.Status == PortRequestStatus.FocConfirmed && x.FocDate == today) || x.Status == PortRequestStatus.TestCall;
        var due = new Rebind(dueToday.Parameters[0], r).Visit(dueToday.Body)!;
        var body = Expression.Condition(
            Expression.NotEqual(Expression.Convert(reason.Body, typeof(int)), Expression.Constant((int)LateReason.None)),
            Expression.Constant(Porting.Urgency.Late),
            Expression.Condition(due, Expression.Constant(Porting.Urgency.DueToday), Expression.Constant(Porting.Urgency.Later)));
        return Expression.Lambda<Func<PortRequest, Urgency>>(body, r);
    }

    /// <summary>Whether a request is late for any reason: <see cref="Reason"/> is not <see cref="LateReason.None"/> (the same rule, as a filter).</summary>
    public Expression<Func<PortRequest, bool>> IsLate()
    {
        var reason = Reason();
        return Expression.Lambda<Func<PortRequest, bool>>(
            Expression.NotEqual(Expression.Convert(reason.Body, typeof(int)), Expression.Constant((int)LateReason.None)), reason.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
