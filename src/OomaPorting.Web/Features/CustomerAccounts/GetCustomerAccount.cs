using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.CustomerAccounts;

/// <summary>One customer account as support sees it: its facts, its people and their state, and its audit lines.</summary>
public static class GetCustomerAccount
{
    public sealed record Query(Guid Id) : IQuery<Details>;

    public sealed record Details(Guid Id, string CompanyName, string? Siret, string TemporaryNumber, string DefaultNumber, bool IsDisabled,
        bool RequiresTwoFactor, DateTime CreatedAtUtc, IReadOnlyList<Person> Users, IReadOnlyList<AuditEntry> History)
    {
        /// <summary>Set when support closed the account: when, why, when its data go (or went).</summary>
        public Closing? Closed { get; init; }
    }

    /// <summary>A closed account: <paramref name="ErasureAtUtc"/> is when its data are (or were) erased.</summary>
    public sealed record Closing(DateTime AtUtc, string? Reason, DateTime ErasureAtUtc, bool Erased);

    public const int HistoryLength = 20;

    public sealed class Handler(AppDbContext db, TimeProvider time, Microsoft.Extensions.Options.IOptions<Infrastructure.Settings.RetentionOptions> retention)
        : IQueryHandler<Query, Details>
    {
        public async ValueTask<Details> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var account = await db.Accounts.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
                ?? throw new NotFoundException();
            var people = await People.ListAsync(db.Users.Where(u => u.AccountId == account.Id).OrderBy(u => u.DisplayName),
                RoleMembers.UserIds(db, Roles.AccountAdmin), time.GetUtcNow(), cancellationToken);
            var history = await db.AuditEntries.AsNoTracking().Where(e => e.AccountId == account.Id)
                .OrderByDescending(e => e.Id).Take(HistoryLength).ToListAsync(cancellationToken);
            return new Details(account.Id, account.CompanyName, account.Siret?.Display, account.TemporaryNumber.Display, account.DefaultNumber.Display,
                account.IsDisabled, account.RequiresTwoFactor, account.CreatedAtUtc, people, history)
            {
                Closed = account.ClosedAtUtc is { } closedAt
                    ? new Closing(closedAt, account.ClosingReason, account.PersonalDataErasedAtUtc ?? account.ErasureDueAt(retention.Value.ClosedAccountAfterMonths)!.Value,
                        account.PersonalDataErasedAtUtc is not null)
                    : null,
            };
        }
    }
}
