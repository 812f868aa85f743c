using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Billing;

namespace OomaPorting.Web.Features.Extensions;

/// <summary>The "Postes" tab: the account's users with their extensions and numbers, and what the numbers cost each month.</summary>
public static class ListExtensions
{
    public sealed record Query : IQuery<Model?>;

    public sealed record UserRow(string Id, string Name, string? Extension, IReadOnlyList<NumberRow> Numbers);

    public sealed record NumberRow(FrenchNumber Number, AccountNumberKind Kind, bool IsMain, decimal MonthlyPriceEur, PriceReason Reason);

    /// <summary>
    /// Unassigned numbers of the same kind and price that follow each other, as one row: an account with a block of
    /// 1,000 SDA numbers sees one row and its total, not 1,000 rows (each number is still assigned on its own).
    /// </summary>
    public sealed record NumberRun(NumberBlock Block, AccountNumberKind Kind, bool IsMain, decimal MonthlyPriceEur)
    {
        public decimal MonthlyTotalEur => MonthlyPriceEur * Block.Count;
    }

    /// <summary>What a port under way will do to the temporary number: keep it as virtual, or release it.</summary>
    public sealed record TemporaryPlan(string Reference, bool Keep);

    public sealed record Model(string CompanyName, FrenchNumber DefaultNumber, IReadOnlyList<UserRow> Users,
        IReadOnlyList<NumberRow> UnassignedNumbers, decimal MonthlyTotalEur)
    {
        /// <summary>Set while the account has its temporary number and a port is under way.</summary>
        public TemporaryPlan? Temporary { get; init; }

        /// <summary><see cref="UnassignedNumbers"/> as runs (<see cref="NumberRun"/>), the main number first.</summary>
        public IReadOnlyList<NumberRun> UnassignedRuns { get; init; } = [];
    }

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model?>
    {
        public async ValueTask<Model?> Handle(Query query, CancellationToken cancellationToken)
        {
            var accountId = db.CurrentAccountId;
            var account = await db.Accounts.AsNoTracking().Include(a => a.Numbers).FirstOrDefaultAsync(cancellationToken);
            if (account is null)
            {
                return null;
            }

            var users = await db.Users.AsNoTracking()
                .Where(u => u.AccountId == accountId && !u.IsDisabled)
                .OrderBy(u => u.Extension).ThenBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName, u.Extension })
                .ToListAsync(cancellationToken);

            var numbers = account.Numbers.OrderBy(n => n.AddedAtUtc).ThenBy(n => n.Number.E164, StringComparer.Ordinal).ToList();
            var priced = NumberPricing.Price(numbers.Select(n => new PricedNumberInput(
                n.Number.E164, n.AssignedUserId, (n.AssignedAtUtc ?? n.AddedAtUtc).Ticks,
                n.Number == account.DefaultNumber)));
            var rows = numbers.Zip(priced.Numbers, (n, p) => (n.AssignedUserId,
                Row: new NumberRow(n.Number, n.Kind, n.Number == account.DefaultNumber, p.MonthlyPriceEur, p.Reason))).ToList();

            var userRows = users.Select(u => new UserRow(u.Id, u.DisplayName, u.Extension,
                [.. rows.Where(r => r.AssignedUserId == u.Id).Select(r => r.Row)])).ToList();
            var unassigned = rows.Where(r => r.AssignedUserId is null).Select(r => r.Row).ToList();
            TemporaryPlan? plan = null;
            if (numbers.Any(n => n.Kind == AccountNumberKind.Temporary))
            {
                var underWay = await db.PortRequests.AsNoTracking()
                    .Where(r => r.Reference != null && PortRequestStatuses.UnderWay.Contains(r.Status))
                    .OrderByDescending(r => r.KeepTemporaryNumber).ThenBy(r => r.SubmittedAtUtc)
                    .Select(r => new { r.Reference, r.KeepTemporaryNumber }).FirstOrDefaultAsync(cancellationToken);
                plan = underWay is null ? null : new TemporaryPlan(underWay.Reference!, underWay.KeepTemporaryNumber);
            }

            var runs = unassigned.GroupBy(r => (r.Kind, r.IsMain, r.MonthlyPriceEur))
                .SelectMany(g => NumberBlock.Group(g.Select(r => r.Number)).Select(b => new NumberRun(b, g.Key.Kind, g.Key.IsMain, g.Key.MonthlyPriceEur)))
                .OrderBy(r => !r.IsMain).ThenBy(r => r.Block.First.E164, StringComparer.Ordinal).ToList();
            return new Model(account.CompanyName, account.DefaultNumber, userRows, unassigned, priced.MonthlyTotalEur) { Temporary = plan, UnassignedRuns = runs };
        }
    }
}
