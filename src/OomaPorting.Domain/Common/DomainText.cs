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
