using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Tests.Numbers;

public class FrenchNumberTests
{
    [Theory]
    [InlineData("01 23 45 67 89")]
    [InlineData("01.23.45.67.89")]
    [InlineData("0123456789")]
    [InlineData("01-23-45-67-89")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("+33123456789")]
    [InlineData("0033 1 23 45 67 89")]
    [InlineData("  01 23 45 67 89 ")]
    public void Accepts_the_usual_ways_of_writing_a_number_and_stores_e164(string input)
    {
        var n = FrenchNumber.Parse(input);
        Assert.Equal("+33123456789", n.E164);
        Assert.Equal("01 23 45 67 89", n.Display);
        Assert.Equal("0123456789", n.National);
    }

    [Theory]
    [InlineData("01 40 00 00 00", NumberClass.Geographic)]
    [InlineData("02 99 00 00 00", NumberClass.Geographic)]
    [InlineData("03 20 00 00 00", NumberClass.Geographic)]
    [InlineData("04 91 00 00 00", NumberClass.Geographic)]
    [InlineData("05 56 00 00 00", NumberClass.Geographic)]
    [InlineData("06 11 22 33 44", NumberClass.Mobile)]
    [InlineData("07 56 00 00 00", NumberClass.Mobile)]
    [InlineData("09 50 00 00 00", NumberClass.NonGeographic)]
    [InlineData("08 00 00 00 00", NumberClass.Special)]
    [InlineData("08 10 00 00 00", NumberClass.Special)]
    [InlineData("08 92 00 00 00", NumberClass.Special)]
    public void Knows_the_numbering_class(string input, NumberClass expected)
    {
        var n = FrenchNumber.Parse(input);
        Assert.Equal(expected, n.Class);
        Assert.Equal(expected is NumberClass.Geographic or NumberClass.NonGeographic, n.IsPortableFixedLine);
    }

    [Theory]
    [InlineData("", "Number.Required")]
    [InlineData("   ", "Number.Required")]
    [InlineData("01 23 45 67", "Number.Invalid")]
    [InlineData("01 23 45 67 89 00", "Number.Invalid")]
    [InlineData("abc", "Number.Invalid")]
    [InlineData("01 23 45 67 8a", "Number.Invalid")]
    [InlineData("<script>", "Number.Invalid")]
    [InlineData("01 23\u200B45 67 89", "Number.Invalid")]
    [InlineData("01 23 45 67 89\0", "Number.Invalid")]
    [InlineData("+44 20 7946 0958", "Number.NotFrench")]
    [InlineData("+262 262 12 34 56", "Number.NotFrench")]
    public void Refuses_what_is_not_a_valid_french_number(string input, string code)
    {
        Assert.False(FrenchNumber.TryParse(input, out _, out var error));
        Assert.Equal(code, error);
        Assert.Equal(code, Assert.Throws<DomainException>(() => FrenchNumber.Parse(input)).Code);
    }

    [Fact]
    public void A_very_long_input_is_refused_without_parsing()
    {
        Assert.False(FrenchNumber.TryParse(new string('1', 10_000), out _, out var code));
        Assert.Equal("Number.Invalid", code);
    }

    [Fact]
    public void Masks_for_logs_and_compares_by_value()
    {
        var a = FrenchNumber.Parse("01 23 45 67 89");
        Assert.Equal("01 •• •• •• 89", a.Masked);
        Assert.DoesNotContain("4567", a.Masked, StringComparison.Ordinal);
        Assert.Equal(a, FrenchNumber.Parse("+33123456789"));
    }

    [Theory]
    [InlineData("01 40 00 00 00")]
    [InlineData("04 91 12 34 56")]
    [InlineData("06 12 34 56 78")]
    [InlineData("07 81 23 45 67")]
    [InlineData("09 70 12 34 56")]
    [InlineData("08 00 11 22 33")]
    public void A_stored_number_is_rebuilt_as_the_parser_reads_it(string text)
    {
        var parsed = FrenchNumber.Parse(text);
        Assert.Equal(parsed, FrenchNumber.FromE164(parsed.E164));
    }

    [Theory]
    [InlineData("+3312345678")]
    [InlineData("+33A23456789")]
    [InlineData("+44123456789")]
    public void A_malformed_stored_value_goes_through_the_parser(string e164)
    {
        Assert.Throws<DomainException>(() => FrenchNumber.FromE164(e164));
    }
}
