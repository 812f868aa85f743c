using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Tests.Accounts;

/// <summary>SIRET: 14 digits with a Luhn key; La Poste's establishments (SIREN 356000000) by the sum of their digits.</summary>
public class SiretTests
{
    [Theory]
    [InlineData("73282932000074", null)]          // Luhn-valid
    [InlineData("732 829 320 00074", null)]       // as people write it
    [InlineData("44306184100047", null)]
    [InlineData("73282932000075", "Siret.Key")]   // one digit off
    [InlineData("12345678901234", "Siret.Key")]
    [InlineData("35600000049837", null)]          // La Poste: not Luhn-valid, digits sum to 45
    [InlineData("35600000000049", "Siret.Key")]   // La Poste: neither rule
    [InlineData("7328293200007", "Siret.Format")] // 13 digits
    [InlineData("7328293200007A", "Siret.Format")]
    [InlineData("", "Siret.Required")]
    [InlineData(null, "Siret.Required")]
    public void A_siret_is_fourteen_digits_with_its_key(string? input, string? expected) => Assert.Equal(expected, Siret.Check(input));

    [Fact]
    public void A_parsed_siret_keeps_its_digits_and_shows_them_grouped()
    {
        var siret = Siret.Parse("732 829 320 00074");

        Assert.Equal("73282932000074", siret.Value);
        Assert.Equal("732829320", siret.Siren);
        Assert.Equal("732 829 320 00074", siret.Display);
        Assert.Equal("Siret.Key", Assert.Throws<DomainException>(() => Siret.Parse("73282932000075")).Code);
    }
}
