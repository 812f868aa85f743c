namespace OomaPorting.Domain.Billing;

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
