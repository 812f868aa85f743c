using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Tests.Numbers;

public class NumberBlockTests
{
    private static FrenchNumber N(string text) => FrenchNumber.Parse(text);

    [Fact]
    public void A_range_holds_every_number_from_its_first_to_its_last()
    {
        Assert.True(NumberBlock.TryCreate(N("01 45 00 00 00"), N("01 45 00 00 99"), out var block, out _));
        Assert.Equal(100, block.Count);
        var numbers = block.Numbers().ToList();
        Assert.Equal(100, numbers.Count);
        Assert.Equal("01 45 00 00 00", numbers[0].Display);
        Assert.Equal("01 45 00 00 57", numbers[57].Display);
        Assert.Equal("01 45 00 00 99", numbers[^1].Display);
        Assert.All(numbers, n => Assert.Equal(NumberClass.Geographic, n.Class));
    }

    [Theory]
    [InlineData("01 45 00 00 99", "01 45 00 00 00", "Range.Reversed")]
    [InlineData("01 45 00 99 99", "01 46 00 00 00", "Range.OtherBlock")]
    [InlineData("01 45 00 00 00", "01 45 00 10 00", "Range.TooLarge")]
    public void A_range_is_refused_when_reversed_across_operator_blocks_or_over_a_thousand(string first, string last, string code)
    {
        Assert.False(NumberBlock.TryCreate(N(first), N(last), out _, out var error));
        Assert.Equal(code, error);
    }

    [Fact]
    public void A_thousand_numbers_is_the_largest_range_and_one_number_the_smallest()
    {
        Assert.True(NumberBlock.TryCreate(N("01 45 00 00 00"), N("01 45 00 09 99"), out var largest, out _));
        Assert.Equal(1000, largest.Count);
        Assert.True(NumberBlock.TryCreate(N("01 45 00 00 07"), N("01 45 00 00 07"), out var one, out _));
        Assert.Equal(1, one.Count);
    }

    [Fact]
    public void Numbers_group_into_runs_of_consecutive_numbers_in_number_order()
    {
        var blocks = NumberBlock.Group([N("01 45 00 00 02"), N("01 45 00 00 00"), N("01 45 00 00 01"), N("06 12 34 56 78"), N("01 45 00 00 05"),
            N("01 45 00 00 01")]);
        Assert.Equal(["01 45 00 00 00–01 45 00 00 02 (3)", "01 45 00 00 05–01 45 00 00 05 (1)", "06 12 34 56 78–06 12 34 56 78 (1)"],
            blocks.Select(b => $"{b.First.Display}–{b.Last.Display} ({b.Count})"));
    }

    [Fact]
    public void A_run_never_crosses_an_operator_block_nor_grows_past_a_thousand()
    {
        var acrossBlocks = NumberBlock.Group([N("01 45 00 99 99"), N("01 45 01 00 00")]);
        Assert.Equal(2, acrossBlocks.Count);

        var many = Enumerable.Range(0, 1500).Select(i => N($"0145{i:D6}")).ToList();
        Assert.Equal([1000, 500], NumberBlock.Group(many).Select(b => b.Count));
    }
}
