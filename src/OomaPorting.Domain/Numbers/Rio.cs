using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Numbers;

/// <summary>
/// Relevé d'Identité Opérateur: <c>OO</c> operator, <c>Q</c> contract type, <c>RRRRRR</c> customer reference,
/// <c>CCC</c> control key computed over the first nine characters and the number it belongs to.
/// </summary>
public sealed record Rio
{
    /// <summary>The 37 symbols of the control key, letters first.</summary>
    public const string KeyAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+";

    public const int Length = 12;

    private Rio(string value) => Value = value;

    /// <summary>The 12 characters, upper case, no spaces.</summary>
    public string Value { get; }

    public string OperatorCode => Value[..2];

    public char ContractType => Value[2];

    public string CustomerReference => Value[3..9];

    public string Key => Value[9..];

    /// <summary>For logs: the operator code only.</summary>
    public string Masked => $"{OperatorCode}••••••••••";

    /// <summary>Reads a RIO's shape (not its key, which needs the number): 12 characters, spaces ignored.</summary>
    public static Rio Parse(string? input)
    {
        if (TryParse(input, out var rio, out var errorCode))
        {
            return rio;
        }

        throw new DomainException(errorCode, "Not a well-formed RIO.");
    }

    public static bool TryParse(string? input, out Rio rio, out string errorCode)
    {
        rio = null!;
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            errorCode = "Rio.Required";
            return false;
        }

        if (text.Length > 40)
        {
            errorCode = "Rio.Format";
            return false;
        }

        var compact = new string(text.Where(c => c != ' ').ToArray()).ToUpperInvariant();
        if (compact.Length != Length
            || !compact[..9].All(char.IsAsciiLetterOrDigit)
            || !compact[9..].All(c => KeyAlphabet.Contains(c, StringComparison.Ordinal)))
        {
            errorCode = "Rio.Format";
            return false;
        }

        rio = new Rio(compact);
        errorCode = string.Empty;
        return true;
    }

    /// <summary>Computes the control key for <paramref name="firstNine"/> (<c>OO</c>+<c>Q</c>+<c>RRRRRR</c>) and a number.</summary>
    public static string ComputeKey(string firstNine, FrenchNumber number)
    {
        ArgumentNullException.ThrowIfNull(firstNine);
        ArgumentNullException.ThrowIfNull(number);
        var s = (firstNine + number.National).ToUpperInvariant();
        int a = 0, b = 0, c = 0;
        foreach (var ch in s)
        {
            var p = KeyAlphabet.IndexOf(ch, StringComparison.Ordinal);
            if (p < 0)
            {
                throw new DomainException("Rio.Format", "A RIO holds letters and digits only.");
            }

            a = (a + p) % 37;
            b = ((2 * b) + p) % 37;
            c = ((4 * c) + p) % 37;
        }

        return string.Concat(KeyAlphabet[a], KeyAlphabet[b], KeyAlphabet[c]);
    }

    /// <summary>True when this RIO's key is the one computed for <paramref name="number"/>.</summary>
    public bool MatchesNumber(FrenchNumber number) => string.Equals(ComputeKey(Value[..9], number), Key, StringComparison.Ordinal);

    /// <summary>Mobile RIOs name one of the four networks (01 to 04) and a consumer (P) or business (E) contract.</summary>
    public bool HasMobileShape => OperatorCode is "01" or "02" or "03" or "04" && ContractType is 'P' or 'E';

    public override string ToString() => Value;
}
