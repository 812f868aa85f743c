namespace OomaPorting.Web.Data;

/// <summary>
/// Accounts stored before <see cref="Domain.Accounts.Account.SearchName"/> existed get it at start-up, through the
/// domain's own method (SQL cannot strip accents the same way on every provider). A single indexed read when none is left.
/// </summary>
public static class SearchNameBackfill
{
    private const int Batch = 500;

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var done = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var accounts = await db.Accounts.IgnoreQueryFilters().Where(a => a.SearchName == string.Empty).Take(Batch).ToListAsync(ct);
            if (accounts.Count == 0)
            {
                return done;
            }

            foreach (var account in accounts)
            {
                account.RefreshSearchName();
            }

            await db.SaveChangesAsync(ct);
            done += accounts.Count;
        }
    }
}
