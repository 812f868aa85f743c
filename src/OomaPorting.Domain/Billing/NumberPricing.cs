namespace OomaPorting.Domain.Billing;

/// <summary>One number of the account, as pricing sees it.</summary>
/// <param name="Number">The number, as displayed.</param>
/// <param name="AssignedUserId">The user it is assigned to, or null for an unassigned or virtual number.</param>
/// <param name="AssignedOrder">Order of assignment: the user's earliest assigned number is the free one.</param>
/// <param name="IsAccountMainNumber">The account's default number, included in the subscription when no user has it.</param>
public sealed record PricedNumberInput(string Number, string? AssignedUserId, long AssignedOrder, bool IsAccountMainNumber);

public enum PriceReason
{
    FirstNumberOfUser = 0,
    IncludedInSubscription = 1,
    AdditionalNumber = 2,
    VirtualNumber = 3,
}

public sealed record PricedNumber(string Number, string? AssignedUserId, decimal MonthlyPriceEur, PriceReason Reason);

public sealed record PricingBreakdown(IReadOnlyList<PricedNumber> Numbers)
{
    public decimal MonthlyTotalEur => Numbers.Sum(n => n.MonthlyPriceEur);
}

/// <summary>
/// The first number assigned to each user is free; every other number, virtual ones included, costs
/// 9.95 EUR a month including VAT. The subscription includes one number: the account's main number when no user has it.
/// </summary>
public static class NumberPricing
{
    public const decimal AdditionalNumberMonthlyEur = 9.95m;

    public static PricingBreakdown Price(IEnumerable<PricedNumberInput> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var list = numbers.ToList();
        var freeOfUser = list
            .Where(n => n.AssignedUserId is not null)
            .GroupBy(n => n.AssignedUserId!, StringComparer.Ordinal)
            .Select(g => g.OrderBy(n => n.AssignedOrder).ThenBy(n => n.Number, StringComparer.Ordinal).First())
            .ToHashSet();
        var includedUsed = false;
        var priced = new List<PricedNumber>(list.Count);
        foreach (var n in list)
        {
            if (n.AssignedUserId is not null)
            {
                priced.Add(freeOfUser.Contains(n)
                    ? new PricedNumber(n.Number, n.AssignedUserId, 0m, PriceReason.FirstNumberOfUser)
                    : new PricedNumber(n.Number, n.AssignedUserId, AdditionalNumberMonthlyEur, PriceReason.AdditionalNumber));
            }
            else if (n.IsAccountMainNumber && !includedUsed)
            {
                includedUsed = true;
                priced.Add(new PricedNumber(n.Number, null, 0m, PriceReason.IncludedInSubscription));
            }
            else
            {
                priced.Add(new PricedNumber(n.Number, null, AdditionalNumberMonthlyEur, PriceReason.VirtualNumber));
            }
        }

        return new PricingBreakdown(priced);
    }
}
