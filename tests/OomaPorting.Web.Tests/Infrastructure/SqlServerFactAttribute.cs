namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>A test that runs only when a SQL Server is given (<see cref="TestDatabase.Variable"/>); skipped, saying why, otherwise.</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute()
    {
        if (!TestDatabase.OnSqlServer)
        {
            Skip = TestDatabase.NoSqlServer;
        }
    }
}
