namespace OomaPorting.Web.Features.Dashboard;

/// <summary>The account at a glance: its default number and where its port requests stand.</summary>
public static class Dashboard
{
    public sealed record Query : IQuery<Model?>;

    public sealed record Model(string CompanyName, FrenchNumber DefaultNumber, bool HasPortedMainNumber, int UserCount,
        IReadOnlyDictionary<PortRequestStatus, int> RequestsByStatus);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model?>
    {
        public async ValueTask<Model?> Handle(Query query, CancellationToken cancellationToken)
        {
            var accountId = db.CurrentAccountId;
            var account = await db.Accounts.AsNoTracking()
                .Select(a => new
                {
                    a.CompanyName,
                    a.TemporaryNumber,
                    a.MainNumber,
                    Users = db.Users.Count(u => u.AccountId == a.Id),
                })
                .FirstOrDefaultAsync(cancellationToken);
            if (account is null)
            {
                return null;
            }

            var counts = await db.PortRequests.AsNoTracking()
                .GroupBy(r => r.Status)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
            return new Model(account.CompanyName, account.MainNumber ?? account.TemporaryNumber, account.MainNumber is not null,
                account.Users, counts);
        }
    }
}
