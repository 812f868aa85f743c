using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Data;

/// <summary>Hands out the next request reference inside the caller's transaction, safely under concurrent submissions.</summary>
public static class References
{
    public static async Task<string> NextAsync(AppDbContext db, int year, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);

        // An UPDATE first takes the write lock (SQLite) or the row lock (SQL Server), so two submissions never read the same value.
        var updated = await db.ReferenceCounters.Where(c => c.Year == year)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastValue, c => c.LastValue + 1), ct);
        if (updated == 0)
        {
            db.ReferenceCounters.Add(new ReferenceCounter { Year = year, LastValue = 1 });
            await db.SaveChangesAsync(ct);
        }

        var value = await db.ReferenceCounters.AsNoTracking().Where(c => c.Year == year).Select(c => c.LastValue).SingleAsync(ct);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"POR-{year}-{value:D6}");
    }
}
