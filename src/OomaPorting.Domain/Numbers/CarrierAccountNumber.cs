using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Numbers;

/// <summary>The customer's account number at their current carrier: 4 to 30 letters, digits or dashes.</summary>
public sealed record CarrierAccountNumber
{
    public const int MinLength = 4;
    public const int MaxLength = 30;

    private CarrierAccountNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>For logs: only the last three characters.</summary>
    public string Masked => new string('•', Math.Max(0, Value.Length - 3)) + Value[^3..];

    public static CarrierAccountNumber Parse(string? input) =>
        Check(input) is { } problem
            ? throw new DomainException(problem, "4 to 30 letters, digits or dashes.")
            : new CarrierAccountNumber(input!.Trim());

    /// <summary>Why <paramref name="input"/> cannot be an account number (a stable code), or null.</summary>
    public static string? Check(string? input)
    {
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            return "CarrierAccountNumber.Required";
        }

        return text.Length is < MinLength or > MaxLength || !text.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? "CarrierAccountNumber.Format"
            : null;
    }

    public override string ToString() => Value;
}
