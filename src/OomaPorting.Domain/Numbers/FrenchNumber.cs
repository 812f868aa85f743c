using OomaPorting.Domain.Common;
using PhoneNumbers;

namespace OomaPorting.Domain.Numbers;

/// <summary>
/// A valid metropolitan French number. Accepts the ways people write them (<c>01 23 45 67 89</c>,
/// <c>01.23.45.67.89</c>, <c>+33 1 23 45 67 89</c>, <c>0033 1 23 45 67 89</c>) and stores E.164.
/// </summary>
public sealed record FrenchNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private FrenchNumber(string e164, NumberClass numberClass)
    {
        E164 = e164;
        Class = numberClass;
    }

    /// <summary>E.164 form, e.g. <c>+33123456789</c>.</summary>
    public string E164 { get; }

    public NumberClass Class { get; }

    /// <summary>National form with 10 digits, e.g. <c>0123456789</c>.</summary>
    public string National => "0" + E164[3..];

    /// <summary>The way the French read a number: <c>01 23 45 67 89</c>.</summary>
    public string Display
    {
        get
        {
            var n = National;
            return $"{n[..2]} {n[2..4]} {n[4..6]} {n[6..8]} {n[8..10]}";
        }
    }

    /// <summary>For logs: only the first two and last two digits, <c>01 •• •• •• 89</c>.</summary>
    public string Masked => $"{National[..2]} •• •• •• {National[8..]}";

    public bool IsPortableFixedLine => Class is NumberClass.Geographic or NumberClass.NonGeographic;

    public static FrenchNumber Parse(string? input)
    {
        if (TryParse(input, out var number, out var errorCode))
        {
            return number;
        }

        throw new DomainException(errorCode, "Not a valid French phone number.");
    }

    public static bool TryParse(string? input, out FrenchNumber number) => TryParse(input, out number, out _);

    /// <param name="errorCode"><c>Number.Required</c>, <c>Number.Invalid</c> or <c>Number.NotFrench</c>.</param>
    public static bool TryParse(string? input, out FrenchNumber number, out string errorCode)
    {
        number = null!;
        var text = (input ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            errorCode = "Number.Required";
            return false;
        }

        // Longer than any way of writing a French number: refuse before the parser sees it.
        if (text.Length > 30 || DomainText.HasHiddenCharacters(text) || !text.All(IsAllowedCharacter))
        {
            errorCode = "Number.Invalid";
            return false;
        }

        PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(text, "FR");
        }
        catch (NumberParseException)
        {
            errorCode = "Number.Invalid";
            return false;
        }

        if (parsed.CountryCode != 33 || Util.GetRegionCodeForNumber(parsed) != "FR")
        {
            errorCode = "Number.NotFrench";
            return false;
        }

        if (!Util.IsValidNumber(parsed))
        {
            errorCode = "Number.Invalid";
            return false;
        }

        var numberClass = Util.GetNumberType(parsed) switch
        {
            PhoneNumberType.FIXED_LINE => NumberClass.Geographic,
            PhoneNumberType.MOBILE => NumberClass.Mobile,
            PhoneNumberType.VOIP => NumberClass.NonGeographic,
            PhoneNumberType.TOLL_FREE or PhoneNumberType.PREMIUM_RATE or PhoneNumberType.SHARED_COST
                or PhoneNumberType.UAN or PhoneNumberType.PERSONAL_NUMBER or PhoneNumberType.PAGER
                or PhoneNumberType.VOICEMAIL => NumberClass.Special,
            _ => (NumberClass?)null,
        };

        if (numberClass is null)
        {
            errorCode = "Number.Invalid";
            return false;
        }

        number = new FrenchNumber(Util.Format(parsed, PhoneNumberFormat.E164), numberClass.Value);
        errorCode = string.Empty;
        return true;
    }

    /// <summary>
    /// Rebuilds a number read back from storage, or built from one that was parsed (E.164, <c>+33</c> and 9 digits):
    /// classified by its first digit as the numbering plan does (docs/domain.md, "French numbers"), without the parser,
    /// which costs tens of microseconds a number (a request of 1,000 numbers is read, checked and saved in one step).
    /// Anything else goes through <see cref="Parse"/>.
    /// </summary>
    public static FrenchNumber FromE164(string e164)
    {
        if (e164 is { Length: 12 } && e164.StartsWith("+33", StringComparison.Ordinal) && e164.AsSpan(3).ContainsAnyExceptInRange('0', '9') is false
            && ClassOf(e164[3]) is { } numberClass)
        {
            return new FrenchNumber(e164, numberClass);
        }

        return Parse(e164);
    }

    private static NumberClass? ClassOf(char firstDigit) => firstDigit switch
    {
        >= '1' and <= '5' => NumberClass.Geographic,
        '6' or '7' => NumberClass.Mobile,
        '8' => NumberClass.Special,
        '9' => NumberClass.NonGeographic,
        _ => null,
    };

    public override string ToString() => Display;

    private static bool IsAllowedCharacter(char c) =>
        char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')' or '\u00A0';
}
