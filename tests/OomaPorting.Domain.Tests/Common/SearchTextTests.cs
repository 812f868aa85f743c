using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Tests.Common;

public class SearchTextTests
{
    [Theory]
    [InlineData("Boulangerie Lefèvre", "boulangerie lefevre")]
    [InlineData("  ÉCOLE   Saint-Exupéry ", "ecole saint-exupery")]
    [InlineData("Cœur de Ville", "coeur de ville")]
    [InlineData("Garçon & Fils", "garcon & fils")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Search_text_is_lower_case_without_accents_and_single_spaced(string? input, string expected) =>
        Assert.Equal(expected, SearchText.Normalize(input));

    [Fact]
    public void An_account_keeps_its_search_name_with_its_company_name()
    {
        var account = Domain.Accounts.Account.Open(Guid.NewGuid(), "Pâtisserie Noël", Domain.Numbers.FrenchNumber.Parse("09 72 10 20 30"), DateTime.UtcNow);
        Assert.Equal("patisserie noel", account.SearchName);
    }
}
