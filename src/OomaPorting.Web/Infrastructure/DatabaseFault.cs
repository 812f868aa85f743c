using Microsoft.Data.SqlClient;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Whether a failure (or one inside it) says the database cannot be used now, rather than that two people changed the
/// same thing: its SQLite file missing, unreadable, read-only, full or damaged (<see cref="SqliteFaultGuard"/>), or SQL
/// Server out of space for data or log. The portal then answers 503 "nothing was saved, try again later", never
/// "modified meanwhile" (a full disk once read as someone else's change).
/// </summary>
public static class DatabaseFault
{
    /// <summary>SQL Server's "could not allocate space" (1105), "transaction log full" (9002) and Azure SQL's size quota (40544).</summary>
    private static readonly int[] SqlServerOutOfSpace = [1105, 9002, 40544];

    public static bool IsUnavailable(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (SqliteFaultGuard.IsFileFault(e) || (e is SqlException s && SqlServerOutOfSpace.Contains(s.Number)))
            {
                return true;
            }
        }

        return false;
    }
}
