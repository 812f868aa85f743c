namespace OomaPorting.Web.Features.CustomerAccounts;

/// <summary>
/// "Comptes clients": the accounts support looks after, found by part of the company name (in any case, with or
/// without accents) or by a full SIRET, the first 50 in name order.
/// </summary>
public static class ListCustomerAccounts
{
    public const int PageSize = 50;

    public sealed record Query(string? Search) : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(Guid Id, string CompanyName, string? Siret, string DefaultNumber, int Users, bool IsDisabled)
    {
        /// <summary>Closed by support (its data erased, or to be).</summary>
        public bool IsClosed { get; init; }
    }

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var accounts = db.Accounts.IgnoreQueryFilters().AsNoTracking();
            var search = (query.Search ?? string.Empty).Trim();
            if (search.Length > 200)
            {
                search = search[..200];
            }

            if (search.Length > 0)
            {
                if (Domain.Accounts.Siret.Check(search) is null)
                {
                    var siret = Domain.Accounts.Siret.Parse(search);
                    accounts = accounts.Where(a => a.Siret == siret);
                }
                else
                {
                    var pattern = LikePattern.Contains(SearchText.Normalize(search));
                    accounts = accounts.Where(a => EF.Functions.Like(a.SearchName, pattern, LikePattern.Escape));
                }
            }

            var rows = await accounts.OrderBy(a => a.CompanyName).ThenBy(a => a.Id).Take(PageSize)
                .Select(a => new
                {
                    a.Id, a.CompanyName, a.Siret, a.TemporaryNumber, a.MainNumber, a.IsDisabled, IsClosed = a.ClosedAtUtc != null,
                    Users = db.Users.Count(u => u.AccountId == a.Id),
                })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(a => new Row(a.Id, a.CompanyName, a.Siret?.Display, (a.MainNumber ?? a.TemporaryNumber).Display, a.Users, a.IsDisabled) { IsClosed = a.IsClosed })];
        }
    }
}
