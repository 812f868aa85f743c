namespace OomaPorting.Web.Features.CustomerAccounts;

/// <summary>
/// The pool of temporary numbers support can give a new account: numbers an account opened with and let go of (its
/// first port completed without keeping it), held by no account now. A number is held while it is one of an account's
/// numbers (<see cref="Domain.Accounts.AccountNumber"/>, unique there); the account's <c>TemporaryNumber</c> only remembers what it
/// opened with.
/// </summary>
public static class ListReleasedTemporaryNumbers
{
    public const int Shown = 20;

    public sealed record Query : IQuery<IReadOnlyList<FrenchNumber>>;

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<FrenchNumber>>
    {
        public async ValueTask<IReadOnlyList<FrenchNumber>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Accounts.IgnoreQueryFilters().AsNoTracking()
                .Select(a => a.TemporaryNumber)
                .Where(n => !db.AccountNumbers.IgnoreQueryFilters().Any(held => held.Number == n))
                .Distinct().OrderBy(n => n).Take(Shown).ToListAsync(cancellationToken);
    }

    /// <summary>Whether <paramref name="number"/> is held by an account now (so it cannot be given to a new one).</summary>
    public static Task<bool> IsHeldAsync(AppDbContext db, FrenchNumber number, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AccountNumbers.IgnoreQueryFilters().AnyAsync(n => n.Number == number, ct);
    }
}
