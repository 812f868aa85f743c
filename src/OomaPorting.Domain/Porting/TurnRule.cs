using System.Linq.Expressions;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// Whose move a request waits for, from the state of the work and not from the status alone (docs/domain.md, "Whose
/// turn it is"): a submitted request whose documents support has not checked waits for support, and so does one whose
/// FOC date has passed without a test call. One rule, written once as an expression: the database evaluates it for the
/// queue's filter and the dashboard's counts (<see cref="On"/>), and code runs it compiled for one request (<see cref="Of"/>),
/// so pages, API, webhooks, CSV and counts cannot disagree.
/// </summary>
public static class TurnRule
{
    /// <summary>The rule over a request's status, documents check, FOC date and today's date in France.</summary>
    public static Expression<Func<PortRequestStatus, DateTime?, DateOnly?, DateOnly, Turn>> Rule { get; } =
        (status, documentsCheckedAtUtc, focDate, today) =>
            status == PortRequestStatus.Draft || status == PortRequestStatus.ActionRequired ? Turn.Customer
            : status == PortRequestStatus.Submitted ? (documentsCheckedAtUtc == null ? Turn.Support : Turn.Carrier)
            : status == PortRequestStatus.FocConfirmed ? (focDate < today ? Turn.Support : Turn.Carrier)
            : status == PortRequestStatus.TestCall ? Turn.Support
            : Turn.Nobody;

    private static readonly Func<PortRequestStatus, DateTime?, DateOnly?, DateOnly, Turn> Compiled = Rule.Compile();

    /// <summary>Whose turn it is for these facts, <paramref name="today"/> being the date in France.</summary>
    public static Turn Of(PortRequestStatus status, DateTime? documentsCheckedAtUtc, DateOnly? focDate, DateOnly today) =>
        Compiled(status, documentsCheckedAtUtc, focDate, today);

    /// <summary>The rule as a query's expression over a request, on <paramref name="today"/>.</summary>
    public static Expression<Func<PortRequest, Turn>> On(DateOnly today)
    {
        var r = Expression.Parameter(typeof(PortRequest), "r");
        var body = new Substitute(new Dictionary<ParameterExpression, Expression>
        {
            [Rule.Parameters[0]] = Expression.Property(r, nameof(PortRequest.Status)),
            [Rule.Parameters[1]] = Expression.Property(r, nameof(PortRequest.DocumentsCheckedAtUtc)),
            [Rule.Parameters[2]] = Expression.Property(r, nameof(PortRequest.FocDate)),
            [Rule.Parameters[3]] = Expression.Property(Expression.Constant(new Today(today)), nameof(Today.Value)),
        }).Visit(Rule.Body)!;
        return Expression.Lambda<Func<PortRequest, Turn>>(body, r);
    }

    /// <summary>Requests whose turn it is of <paramref name="turn"/> on <paramref name="today"/>, as a query's filter.</summary>
    public static Expression<Func<PortRequest, bool>> Is(Turn turn, DateOnly today)
    {
        var on = On(today);
        return Expression.Lambda<Func<PortRequest, bool>>(Expression.Equal(on.Body, Expression.Constant(turn)), on.Parameters);
    }

    /// <summary>Holds the date so the database gets it as a parameter, not as text in the query.</summary>
    private sealed record Today(DateOnly Value);

    private sealed class Substitute(Dictionary<ParameterExpression, Expression> map) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => map.TryGetValue(node, out var to) ? to : base.VisitParameter(node);
    }
}
