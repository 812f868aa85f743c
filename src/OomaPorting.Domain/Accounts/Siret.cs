using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Accounts;

/// <summary>
/// A French establishment number (SIRET): 14 digits, the SIREN (9) then the establishment (5), checked with the Luhn
/// key. La Poste's establishments (SIREN 356000000) are too many for the Luhn key: for them INSEE's rule is that the sum
/// of the digits is a multiple of 5 (a Luhn-valid one is accepted too).
/// </summary>
public sealed record Siret
{
    public const int Length = 14;

    private const string LaPosteSiren = "356000000";

    private Siret(string value) => Value = value;

    /// <summary>The 14 digits, no spaces.</summary>
    public string Value { get; }

    public string Siren => Value[..9];

    /// <summary>Grouped as people write it: <c>732 829 320 00074</c>.</summary>
    public string Display => $"{Value[..3]} {Value[3..6]} {Value[6..9]} {Value[9..]}";

    /// <summary>Why <paramref name="input"/> is not a SIRET (<c>Siret.Required</c>, <c>Siret.Format</c>, <c>Siret.Key</c>), or null.</summary>
    public static string? Check(string? input)
    {
        var compact = new string((input ?? string.Empty).Where(c => c is not (' ' or '.' or '-')).ToArray());
        if (compact.Length == 0)
        {
            return "Siret.Required";
        }

        if (compact.Length != Length || !compact.All(char.IsAsciiDigit))
        {
            return "Siret.Format";
        }

        var valid = compact.StartsWith(LaPosteSiren, StringComparison.Ordinal)
            ? compact.Sum(c => c - '0') % 5 == 0 || Luhn(compact)
            : Luhn(compact);
        return valid ? null : "Siret.Key";
    }

    public static Siret Parse(string? input) =>
        Check(input) is { } problem
            ? throw new DomainException(problem, "Not a valid SIRET.")
            : new Siret(new string(input!.Where(char.IsAsciiDigit).ToArray()));

    private static bool Luhn(string digits)
    {
        var total = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            total += d;
        }

        return total % 10 == 0;
    }

    public override string ToString() => Value;
}
