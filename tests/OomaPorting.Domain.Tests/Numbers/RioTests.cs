using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Tests.Numbers;

public class RioTests
{
    [Theory]
    [InlineData("02P123456", "0611223344", "O63")]
    [InlineData("01P1A2B3C", "0612345678", "NPU")]
    [InlineData("F0X123456", "0140000000", "PVT")]
    [InlineData("F3A1B2C3D", "0950000000", "2+3")]
    [InlineData("01E000001", "0140000000", "9RZ")]
    [InlineData("03E9Z8Y7X", "0756000000", "4GU")]
    public void Computes_the_published_test_vectors(string firstNine, string number, string key)
    {
        var n = FrenchNumber.Parse(number);
        Assert.Equal(key, Rio.ComputeKey(firstNine, n));
        var rio = Rio.Parse(firstNine + key);
        Assert.True(rio.MatchesNumber(n));
    }

    [Fact]
    public void The_same_rio_with_another_number_does_not_match()
    {
        var rio = Rio.Parse("02P123456O63");
        var other = FrenchNumber.Parse("0611223345");
        Assert.False(rio.MatchesNumber(other));
        Assert.Equal("P74", Rio.ComputeKey("02P123456", other));
    }

    [Theory]
    [InlineData("02P123456O64")]
    [InlineData("02P123456AAA")]
    [InlineData("02P123457O63")]
    public void A_wrong_key_does_not_match(string value)
    {
        Assert.False(Rio.Parse(value).MatchesNumber(FrenchNumber.Parse("0611223344")));
    }

    [Fact]
    public void Reads_parts_and_ignores_spaces_and_case()
    {
        var rio = Rio.Parse(" 02p 123456 o63 ");
        Assert.Equal("02P123456O63", rio.Value);
        Assert.Equal("02", rio.OperatorCode);
        Assert.Equal('P', rio.ContractType);
        Assert.Equal("123456", rio.CustomerReference);
        Assert.Equal("O63", rio.Key);
        Assert.True(rio.HasMobileShape);
        Assert.DoesNotContain("123456", rio.Masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Rio.Required")]
    [InlineData("02P123456O6", "Rio.Format")]
    [InlineData("02P123456O633", "Rio.Format")]
    [InlineData("02P12345-O63", "Rio.Format")]
    [InlineData("02P123456O6é", "Rio.Format")]
    [InlineData("02P12345+O63", "Rio.Format")]
    [InlineData("<script>alert", "Rio.Format")]
    public void Refuses_malformed_rios(string value, string code)
    {
        Assert.False(Rio.TryParse(value, out _, out var error));
        Assert.Equal(code, error);
        Assert.Equal(code, Assert.Throws<DomainException>(() => Rio.Parse(value)).Code);
    }
}
