using System.Globalization;
using System.Text;

namespace OomaPorting.Domain.Common;

/// <summary>Checks applied to every piece of free text the domain stores.</summary>
public static class DomainText
{
    /// <summary>
    /// Trims the value and refuses it when empty (if required), too long, or carrying control or
    /// invisible formatting characters (NUL, zero-width spaces, right-to-left overrides...).
    /// </summary>
    public static string Clean(string? value, string field, int maxLength, bool required = true)
    {
        if (Problem(value, field, maxLength, required) is { } code)
        {
            throw new DomainException(code, $"{field} is missing, longer than {maxLength} characters, or holds hidden characters.");
        }

        return (value ?? string.Empty).Trim();
    }

    /// <summary>What <see cref="Clean"/> would refuse, as the refusal's code (<c>{field}.Required</c>, <c>.TooLong</c>,
    /// <c>.InvalidCharacters</c>), or null when the value is acceptable: the check a validator calls.</summary>
    public static string? Problem(string? value, string field, int maxLength, bool required = true)
    {
        var trimmed = (value ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            return required ? $"{field}.Required" : null;
        }

        if (trimmed.Length > maxLength)
        {
            return $"{field}.TooLong";
        }

        return HasHiddenCharacters(trimmed) ? $"{field}.InvalidCharacters" : null;
    }

    /// <summary>Like <see cref="Clean"/>, for text of several lines: line breaks and tabs are kept, nothing else hidden is.</summary>
    public static string CleanMultiline(string? value, string field, int maxLength, bool required = true)
    {
        var normalized = (value ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var withoutBreaks = normalized.Replace('\n', ' ').Replace('\t', ' ');
        Clean(withoutBreaks, field, maxLength, required);
        return normalized;
    }

    public static bool HasHiddenCharacters(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether every character of <paramref name="value"/> is one the signed mandate draws (its embedded font): Latin
    /// letters with their accents, Greek and Cyrillic letters, digits, the usual punctuation and symbols (€, №, ™).
    /// A text printed on the mandate must keep to them, so that the carrier reads what the customer typed: a Chinese
    /// character, a full-width letter or an emoji would be drawn as an empty box, or copied out as another character.
    /// </summary>
    public static bool IsMandateText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is not ((>= 0x20 and <= 0x7E) or (>= 0xA0 and <= 0x24F) or (>= 0x300 and <= 0x36F) or (>= 0x370 and <= 0x3FF)
                or (>= 0x400 and <= 0x4FF) or (>= 0x1E00 and <= 0x1EFB) or (>= 0x2010 and <= 0x205E) or (>= 0x20A0 and <= 0x20B5)
                or (>= 0x20B8 and <= 0x20BA) or 0x20BD or 0x2116 or 0x2122))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>{field}.Unprintable</c> when <paramref name="value"/> holds a character the mandate cannot draw
    /// (<see cref="IsMandateText"/>), else null: the last check of every field printed on the mandate.
    /// </summary>
    public static string? UnprintableProblem(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) || IsMandateText(value.Trim()) ? null : $"{field}.Unprintable";

    /// <summary>
    /// Why <paramref name="value"/> cannot be a person's name (a stable code: <c>{field}.Required</c>, <c>.TooLong</c>,
    /// <c>.Format</c>...), or null: letters, spaces, hyphens, apostrophes and dots only.
    /// </summary>
    public static string? PersonNameProblem(string? value, string field, int maxLength)
    {
        if (Problem(value, field, maxLength) is { } problem)
        {
            return problem;
        }

        return value!.Trim().All(c => char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark
                || c is ' ' or '-' or '\'' or '’' or '.')
            ? null
            : $"{field}.Format";
    }
}
