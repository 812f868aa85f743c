using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>Where the lines are installed, exactly as on the carrier's bill.</summary>
public sealed record ServiceAddress
{
    private ServiceAddress(string street, string? complement, string postalCode, string city)
    {
        Street = street;
        Complement = complement;
        PostalCode = postalCode;
        City = city;
    }

    public string Street { get; }

    public string? Complement { get; }

    /// <summary>Five digits. Never checked against a number's region: since 2023 geographic numbers are not tied to a place.</summary>
    public string PostalCode { get; }

    public string City { get; }

    public static ServiceAddress Create(string? street, string? complement, string? postalCode, string? city)
    {
        if ((CheckStreet(street) ?? CheckComplement(complement) ?? CheckPostalCode(postalCode) ?? CheckCity(city)) is { } problem)
        {
            throw new DomainException(problem, "The service address is not valid.");
        }

        var c = complement?.Trim() ?? string.Empty;
        return new ServiceAddress(street!.Trim(), c.Length == 0 ? null : c, postalCode!.Trim(), city!.Trim());
    }

    /// <summary>Why <paramref name="value"/> cannot be the street (a stable code), or null.</summary>
    /// <summary>The street and its complement when there is one: <c>12 rue de la Paix, Bât. B</c>.</summary>
    public string StreetLine => Complement is { Length: > 0 } c ? $"{Street}, {c}" : Street;

    /// <summary>The whole address on one line: <c>12 rue de la Paix, 75002 Paris</c>.</summary>
    public string OneLine => $"{StreetLine}, {PostalCode} {City}";

    public static string? CheckStreet(string? value) => DomainText.Problem(value, "Address.Street", 200) ?? DomainText.UnprintableProblem(value, "Address.Street");

    public static string? CheckComplement(string? value) =>
        DomainText.Problem(value, "Address.Complement", 200, required: false) ?? DomainText.UnprintableProblem(value, "Address.Complement");

    public static string? CheckPostalCode(string? value) =>
        DomainText.Problem(value, "Address.PostalCode", 5)
        ?? (value!.Trim() is { Length: 5 } p && p.All(char.IsAsciiDigit) ? null : "Address.PostalCode.Format");

    public static string? CheckCity(string? value) => DomainText.Problem(value, "Address.City", 100) ?? DomainText.UnprintableProblem(value, "Address.City");
}
