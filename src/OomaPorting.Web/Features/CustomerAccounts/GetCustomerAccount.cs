using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.CustomerAccounts;

/// <summary>One customer account as support sees it: its facts, its people and their state, and its audit lines.</summary>
public static class GetCustomerAccount
{
    public sealed record Query(Guid Id) : IQuery<Details>;

    public sealed record Details(Guid Id, string CompanyName, string? Siret, string TemporaryNumber, string DefaultNumber, bool IsDisabled,
        bool RequiresTwoFactor, DateTime CreatedAtUtc, IReadOnlyList<Person> Users, IReadOnlyList<AuditEntry> History);

    public sealed record Person(string Id, string Name, string Email, bool IsAdmin, UserState State, bool TwoFactor);

    public const int HistoryLength = 20;

    public sealed class Handler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Details>
    {
        public async ValueTask<Details> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var account = await db.Accounts.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == query.Id, cancellationToken)
                ?? throw new NotFoundException();
            var now = time.GetUtcNow();
            var admins = RoleMembers.UserIds(db, Roles.AccountAdmin);
            var people = await db.Users.AsNoTracking().Where(u => u.AccountId == account.Id).OrderBy(u => u.DisplayName)
                .Select(u => new
                {
                    u.Id, u.DisplayName, u.Email, u.IsDisabled, u.LockoutEnd, HasPassword = u.PasswordHash != null, u.TwoFactorEnabled,
                    IsAdmin = admins.Contains(u.Id),
                })
                .ToListAsync(cancellationToken);
            var history = await db.AuditEntries.AsNoTracking().Where(e => e.AccountId == account.Id)
                .OrderByDescending(e => e.Id).Take(HistoryLength).ToListAsync(cancellationToken);
            return new Details(account.Id, account.CompanyName, account.Siret?.Display, account.TemporaryNumber.Display, account.DefaultNumber.Display,
                account.IsDisabled, account.RequiresTwoFactor, account.CreatedAtUtc,
                [.. people.Select(u => new Person(u.Id, u.DisplayName, u.Email ?? string.Empty, u.IsAdmin,
                    UserStates.Of(u.IsDisabled, u.LockoutEnd, u.HasPassword, now), u.TwoFactorEnabled))],
                history);
        }
    }
}
