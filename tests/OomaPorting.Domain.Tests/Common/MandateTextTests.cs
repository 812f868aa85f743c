using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;

namespace OomaPorting.Domain.Tests.Common;

/// <summary>
/// What a field printed on the mandate accepts (issue 35, point 21: a company name in Chinese or with an emoji was
/// accepted and drawn as empty boxes on the signed mandate): the letters the mandate draws, refused at the field
/// otherwise, the same rule for every such field.
/// </summary>
public class MandateTextTests
{
    [Theory]
    [InlineData("北京贸易有限公司")]
    [InlineData("Boulangerie 🥖")]
    [InlineData("Ｂｏｕｌａｎｇｅｒｉｅ")]
    [InlineData("Café ☕")]
    [InlineData("سلام")]
    public void A_text_the_mandate_cannot_draw_is_refused_in_every_field_printed_on_it(string text)
    {
        Assert.Equal("Holder.CompanyName.Unprintable", AccountHolder.CheckCompanyName(text));
        Assert.Equal("Address.Street.Unprintable", ServiceAddress.CheckStreet(text));
        Assert.Equal("Address.Complement.Unprintable", ServiceAddress.CheckComplement(text));
        Assert.Equal("Address.City.Unprintable", ServiceAddress.CheckCity(text));
        Assert.EndsWith(".Unprintable", Carrier.CheckOtherName(text), StringComparison.Ordinal);
        Assert.EndsWith(".Unprintable", Mandate.CheckSignerName(text), StringComparison.Ordinal);
        Assert.EndsWith(".Unprintable", SignerCapacity.CheckDetail(SignerCapacityKind.Other, text), StringComparison.Ordinal);
        Assert.Equal("Account.CompanyName.Unprintable", Account.CheckCompanyName(text));
    }

    [Theory]
    [InlineData("Boulangerie Müller & Fils – « Le Fournil »")]
    [InlineData("Łukasz Ørsted-Ñúñez")]
    [InlineData("Ξενοδοχείο Ακρόπολις")]
    [InlineData("ООО Ромашка № 3")]
    [InlineData("Ferme de l'Œil 12 € ™")]
    [InlineData("Nguyễn Văn Đức")]
    public void Latin_greek_and_cyrillic_letters_with_their_accents_and_the_usual_signs_are_kept(string text)
    {
        Assert.True(DomainText.IsMandateText(text));
        Assert.Null(AccountHolder.CheckCompanyName(text));
        Assert.Null(ServiceAddress.CheckStreet(text));
    }

    [Fact]
    public void A_name_in_letters_the_mandate_cannot_draw_is_refused_as_unprintable_not_as_a_bad_format()
    {
        Assert.Equal("Holder.LastName.Unprintable", AccountHolder.CheckLastName("王"));
        Assert.Equal("Holder.FirstName.Unprintable", AccountHolder.CheckFirstName("Ｊｅａｎ"));
        Assert.Null(AccountHolder.CheckLastName("Nguyễn"));
    }
}
