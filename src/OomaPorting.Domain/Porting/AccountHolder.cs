using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>The holder of the carrier account, first and last name exactly as on the bill.</summary>
public sealed record AccountHolder
{
    private AccountHolder(string firstName, string lastName, string? companyName)
    {
        FirstName = firstName;
        LastName = lastName;
        CompanyName = companyName;
    }

    public string FirstName { get; }

    public string LastName { get; }

    /// <summary>The company the line is billed to, when the bill names one.</summary>
    public string? CompanyName { get; }

    public string FullName => $"{FirstName} {LastName}";

    public static AccountHolder Create(string? firstName, string? lastName, string? companyName = null)
    {
        var company = DomainText.Clean(companyName, "Holder.CompanyName", 200, required: false);
        return new(CleanName(firstName, "Holder.FirstName"), CleanName(lastName, "Holder.LastName"), company.Length == 0 ? null : company);
    }

    private static string CleanName(string? value, string field)
    {
        var name = DomainText.Clean(value, field, 100);
        if (!name.All(c => char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark
                || c is ' ' or '-' or '\'' or '’' or '.'))
        {
            throw new DomainException($"{field}.Format", "A name holds letters, spaces, hyphens, apostrophes and dots.");
        }

        return name;
    }
}
