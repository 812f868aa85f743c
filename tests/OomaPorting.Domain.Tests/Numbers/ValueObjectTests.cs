using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;

namespace OomaPorting.Domain.Tests.Numbers;

public class ValueObjectTests
{
    [Theory]
    [InlineData("ACC-12345", true)]
    [InlineData("  1234  ", true)]
    [InlineData("123", false)]
    [InlineData("A234567890123456789012345678901", false)]
    [InlineData("ACC 12345", false)]
    [InlineData("ACC_12345", false)]
    [InlineData("'; DROP TABLE--", false)]
    public void Carrier_account_numbers_are_4_to_30_letters_digits_or_dashes(string input, bool valid)
    {
        if (valid)
        {
            Assert.Equal(input.Trim(), CarrierAccountNumber.Parse(input).Value);
        }
        else
        {
            Assert.Equal("CarrierAccountNumber.Format", Assert.Throws<DomainException>(() => CarrierAccountNumber.Parse(input)).Code);
        }
    }

    [Fact]
    public void Carrier_account_numbers_are_masked_for_logs()
    {
        Assert.Equal("••••••345", CarrierAccountNumber.Parse("ACC-12345").Masked);
    }

    [Theory]
    [InlineData("7500", "Address.PostalCode.Format")]
    [InlineData("750021", "Address.PostalCode.TooLong")]
    [InlineData("75 02", "Address.PostalCode.Format")]
    [InlineData("", "Address.PostalCode.Required")]
    public void A_postal_code_has_five_digits(string postalCode, string code)
    {
        Assert.Equal(code, Assert.Throws<DomainException>(() => ServiceAddress.Create("1 rue X", null, postalCode, "Paris")).Code);
    }

    [Fact]
    public void An_address_is_trimmed_and_keeps_an_optional_complement()
    {
        var a = ServiceAddress.Create(" 12 rue de la Paix ", "  ", "75002", " Paris ");
        Assert.Equal("12 rue de la Paix", a.Street);
        Assert.Null(a.Complement);
        Assert.Equal("Paris", a.City);
        Assert.Equal("Address.Street.InvalidCharacters",
            Assert.Throws<DomainException>(() => ServiceAddress.Create("12 rue\u202E de la Paix", null, "75002", "Paris")).Code);
        Assert.Equal("Address.Street.TooLong",
            Assert.Throws<DomainException>(() => ServiceAddress.Create(new string('a', 201), null, "75002", "Paris")).Code);
    }

    [Theory]
    [InlineData("Jean-Pierre", "D'Artagnan", true)]
    [InlineData("Zoé", "Lefèvre", true)]
    [InlineData("Ana María", "Núñez", true)]
    [InlineData("<b>", "Martin", false)]
    [InlineData("Jean", "Martin1", false)]
    [InlineData("", "Martin", false)]
    [InlineData("Jean\u200B", "Martin", false)]
    public void Holder_names_hold_letters_and_name_punctuation(string first, string last, bool valid)
    {
        if (valid)
        {
            Assert.Equal($"{first} {last}", AccountHolder.Create(first, last).FullName);
        }
        else
        {
            Assert.Throws<DomainException>(() => AccountHolder.Create(first, last));
        }
    }
}
