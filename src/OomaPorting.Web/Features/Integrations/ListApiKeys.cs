using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Features.Integrations;

/// <summary>An account's API keys, newest first, with their state and last use (never their secret).</summary>
public static class ListApiKeys
{
    /// <param name="AccountId">The account, when support asks; the admin's own otherwise.</param>
    public sealed record Query(Guid? AccountId = null) : IQuery<IReadOnlyList<Row>>;

    public enum KeyState
    {
        Active,
        Expired,
        Revoked,
    }

    public sealed record Row(Guid Id, string Name, ApiKeyRole Role, string Hint, DateTime CreatedAtUtc, DateTime? ExpiresAtUtc,
        DateTime? RevokedAtUtc, string? RevokedBy, DateTime? LastUsedAtUtc, KeyState State);

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var keys = current.Actor.IsSupport ? db.ApiKeys.IgnoreQueryFilters().Where(k => k.AccountId == query.AccountId) : db.ApiKeys;
            var now = time.GetUtcNow().UtcDateTime;
            var found = await keys.AsNoTracking().OrderByDescending(k => k.CreatedAtUtc).Take(200).ToListAsync(cancellationToken);
            return found.Select(k => new Row(k.Id, k.Name, k.Role, k.Hint, k.CreatedAtUtc, k.ExpiresAtUtc, k.RevokedAtUtc, k.RevokedBy, k.LastUsedAtUtc,
                k.IsRevoked ? KeyState.Revoked : k.IsExpired(now) ? KeyState.Expired : KeyState.Active)).ToList();
        }
    }
}
