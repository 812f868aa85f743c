using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>The holder of the carrier account, first and last name exactly as on the bill.</summary>
public sealed record AccountHolder
{
    private AccountHolder(string firstName, string lastName, string? companyName, Siret? siret)
    {
        FirstName = firstName;
        LastName = lastName;
        CompanyName = companyName;
        Siret = siret;
    }

    public string FirstName { get; }

    public string LastName { get; }

    /// <summary>The company the line is billed to, when the bill names one.</summary>
    public string? CompanyName { get; }

    /// <summary>The SIRET of that company (carriers match it against their records); null for a line in a person's name.</summary>
    public Siret? Siret { get; }

    /// <summary>Whether a company holds the line but its SIRET is not known yet (a request started before it was asked).</summary>
    public bool LacksSiret => CompanyName is not null && Siret is null;

    public string FullName => $"{FirstName} {LastName}";

    public const int MaxNameLength = 100;
    public const int MaxCompanyLength = 200;

    public static AccountHolder Create(string? firstName, string? lastName, string? companyName = null, string? siret = null)
    {
        Require(CheckFirstName(firstName) ?? CheckLastName(lastName) ?? CheckCompanyName(companyName) ?? CheckSiret(companyName, siret));
        var company = companyName?.Trim();
        return string.IsNullOrEmpty(company)
            ? new(firstName!.Trim(), lastName!.Trim(), null, null)
            : new(firstName!.Trim(), lastName!.Trim(), company, Accounts.Siret.Parse(siret));
    }

    /// <summary>
    /// Why <paramref name="siret"/> cannot go with <paramref name="companyName"/>: a company holder needs its SIRET
    /// (<c>Siret.Required</c>, <c>.Format</c>, <c>.Key</c>); a person has none (<c>Holder.Siret.WithoutCompany</c>).
    /// </summary>
    public static string? CheckSiret(string? companyName, string? siret) =>
        string.IsNullOrWhiteSpace(companyName)
            ? (string.IsNullOrWhiteSpace(siret) ? null : "Holder.Siret.WithoutCompany")
            : Accounts.Siret.Check(siret);

    /// <summary>Why <paramref name="value"/> cannot be a first name (a stable code), or null.</summary>
    public static string? CheckFirstName(string? value) => NameProblem(value, "Holder.FirstName");

    public static string? CheckLastName(string? value) => NameProblem(value, "Holder.LastName");

    public static string? CheckCompanyName(string? value) =>
        DomainText.Problem(value, "Holder.CompanyName", MaxCompanyLength, required: false) ?? DomainText.UnprintableProblem(value, "Holder.CompanyName");

    private static void Require(string? problem)
    {
        if (problem is not null)
        {
            throw new DomainException(problem, "The account holder is not valid.");
        }
    }

    private static string? NameProblem(string? value, string field) =>
        DomainText.PersonNameProblem(value, field, MaxNameLength) ?? DomainText.UnprintableProblem(value, field);
}
