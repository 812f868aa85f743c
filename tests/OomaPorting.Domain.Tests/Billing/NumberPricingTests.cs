using OomaPorting.Domain.Billing;

namespace OomaPorting.Domain.Tests.Billing;

public class NumberPricingTests
{
    [Fact]
    public void The_first_number_of_each_user_is_free_and_each_other_costs_9_95()
    {
        var result = NumberPricing.Price(
        [
            new PricedNumberInput("01 40 00 00 01", "alice", 1, IsAccountMainNumber: true),
            new PricedNumberInput("01 40 00 00 02", "alice", 2, false),
            new PricedNumberInput("01 40 00 00 03", "bob", 1, false),
        ]);
        Assert.Equal([0m, 9.95m, 0m], result.Numbers.Select(n => n.MonthlyPriceEur));
        Assert.Equal(9.95m, result.MonthlyTotalEur);
        Assert.Equal(PriceReason.AdditionalNumber, result.Numbers[1].Reason);
    }

    [Fact]
    public void The_free_number_is_the_users_earliest_whatever_the_order_given()
    {
        var result = NumberPricing.Price(
        [
            new PricedNumberInput("B", "alice", 5, false),
            new PricedNumberInput("A", "alice", 2, false),
        ]);
        Assert.Equal(9.95m, result.Numbers.Single(n => n.Number == "B").MonthlyPriceEur);
        Assert.Equal(0m, result.Numbers.Single(n => n.Number == "A").MonthlyPriceEur);
    }

    [Fact]
    public void The_unassigned_main_number_is_included_and_virtual_numbers_are_priced_like_any_other()
    {
        var result = NumberPricing.Price(
        [
            new PricedNumberInput("main", null, 0, IsAccountMainNumber: true),
            new PricedNumberInput("kept temporary", null, 0, false),
            new PricedNumberInput("bob's", "bob", 1, false),
        ]);
        Assert.Equal(PriceReason.IncludedInSubscription, result.Numbers[0].Reason);
        Assert.Equal(PriceReason.VirtualNumber, result.Numbers[1].Reason);
        Assert.Equal(9.95m, result.MonthlyTotalEur);
    }

    [Fact]
    public void No_numbers_cost_nothing_and_ten_extra_cost_99_50()
    {
        Assert.Equal(0m, NumberPricing.Price([]).MonthlyTotalEur);
        var eleven = Enumerable.Range(0, 11).Select(i => new PricedNumberInput($"n{i}", "alice", i, false));
        Assert.Equal(99.50m, NumberPricing.Price(eleven).MonthlyTotalEur);
    }
}
