namespace OomaPorting.Domain.Billing;

public sealed record PricingBreakdown(IReadOnlyList<PricedNumber> Numbers)
{
    public decimal MonthlyTotalEur => Numbers.Sum(n => n.MonthlyPriceEur);
}
