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

    public const int MaxNameLength = 100;
    public const int MaxCompanyLength = 200;

    public static AccountHolder Create(string? firstName, string? lastName, string? companyName = null)
    {
        Require(CheckFirstName(firstName) ?? CheckLastName(lastName) ?? CheckCompanyName(companyName));
        var company = companyName?.Trim();
        return new(firstName!.Trim(), lastName!.Trim(), string.IsNullOrEmpty(company) ? null : company);
    }

    /// <summary>Why <paramref name="value"/> cannot be a first name (a stable code), or null.</summary>
    public static string? CheckFirstName(string? value) => NameProblem(value, "Holder.FirstName");

    public static string? CheckLastName(string? value) => NameProblem(value, "Holder.LastName");

    public static string? CheckCompanyName(string? value) => DomainText.Problem(value, "Holder.CompanyName", MaxCompanyLength, required: false);

    private static void Require(string? problem)
    {
        if (problem is not null)
        {
            throw new DomainException(problem, "The account holder is not valid.");
        }
    }

    private static string? NameProblem(string? value, string field) => DomainText.PersonNameProblem(value, field, MaxNameLength);
}
