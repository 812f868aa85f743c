using Microsoft.EntityFrameworkCore;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>Tests look at every account's rows.</summary>
internal static class QueryExtensions
{
    public static int IgnoreQueryFiltersCount<T>(this DbSet<T> set) where T : class => set.IgnoreQueryFilters().Count();

    public static List<T> IgnoreQueryFiltersList<T>(this DbSet<T> set) where T : class => set.IgnoreQueryFilters().ToList();
}
