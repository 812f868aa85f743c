using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// Keeps every LINQ query of the test portals as EF Core is about to compile it (once per shape), for
/// <c>Data/SqlServerTranslationTests</c>. One instance for every <see cref="PortalFactory"/> of the run: an interceptor
/// of this kind is part of EF Core's internal service provider, so a portal with another instance would get a model of
/// its own, and the portal's precompiled queries refuse to run on a second model.
/// </summary>
public sealed class QueryCapture : IQueryExpressionInterceptor
{
    public static QueryCapture Shared { get; } = new();

    public ConcurrentDictionary<string, Expression> Queries { get; } = new();

    public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData)
    {
        Queries.TryAdd(queryExpression.Print(), queryExpression);
        return queryExpression;
    }
}
