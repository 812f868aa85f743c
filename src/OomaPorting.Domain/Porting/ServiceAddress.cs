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
        var s = DomainText.Clean(street, "Address.Street", 200);
        var c = DomainText.Clean(complement, "Address.Complement", 200, required: false);
        var p = DomainText.Clean(postalCode, "Address.PostalCode", 5);
        if (p.Length != 5 || !p.All(char.IsAsciiDigit))
        {
            throw new DomainException("Address.PostalCode.Format", "A postal code has five digits.");
        }

        var ci = DomainText.Clean(city, "Address.City", 100);
        return new ServiceAddress(s, c.Length == 0 ? null : c, p, ci);
    }
}
