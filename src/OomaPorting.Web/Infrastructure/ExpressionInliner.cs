using System.Linq.Expressions;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Puts a domain rule written as an expression (<c>SlaCutoffs.Reason</c>) inside a query's projection, so the database
/// evaluates the rule itself rather than a copy of it.
/// </summary>
public static class ExpressionInliner
{
    /// <summary><paramref name="projection"/> with its second parameter replaced by <paramref name="value"/>'s body.</summary>
    public static Expression<Func<TSource, TResult>> Inline<TSource, TValue, TResult>(
        Expression<Func<TSource, TValue, TResult>> projection, Expression<Func<TSource, TValue>> value)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(value);
        var source = projection.Parameters[0];
        var valueBody = new Replace(value.Parameters[0], source).Visit(value.Body)!;
        var body = new Replace(projection.Parameters[1], valueBody).Visit(projection.Body)!;
        return Expression.Lambda<Func<TSource, TResult>>(body, source);
    }

    /// <summary><paramref name="projection"/> with its second and third parameters replaced by the bodies of <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static Expression<Func<TSource, TResult>> Inline<TSource, T1, T2, TResult>(
        Expression<Func<TSource, T1, T2, TResult>> projection, Expression<Func<TSource, T1>> first, Expression<Func<TSource, T2>> second)
    {
        ArgumentNullException.ThrowIfNull(projection);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var source = projection.Parameters[0];
        var firstBody = new Replace(first.Parameters[0], source).Visit(first.Body)!;
        var secondBody = new Replace(second.Parameters[0], source).Visit(second.Body)!;
        var body = new Replace(projection.Parameters[2], secondBody).Visit(new Replace(projection.Parameters[1], firstBody).Visit(projection.Body))!;
        return Expression.Lambda<Func<TSource, TResult>>(body, source);
    }

    private sealed class Replace(Expression from, Expression to) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }
}
