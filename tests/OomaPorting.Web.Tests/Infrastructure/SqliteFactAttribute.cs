namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>A test of SQLite itself: skipped when the suite runs on SQL Server.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.OnSqlServer)
        {
            Skip = TestDatabase.SqliteOnly;
        }
    }
}
