namespace OomaPorting.Web.Infrastructure.Localization;

/// <summary>A customer account's name as pages show it: an account whose personal data was erased reads "Compte effacé".</summary>
public static class CompanyNames
{
    public static string CompanyName(this IStringLocalizer text, string? name)
    {
        ArgumentNullException.ThrowIfNull(text);
        return name == Domain.Accounts.Account.ErasedCompanyName ? text["CustomerAccounts.Erased"] : name ?? "—";
    }
}
