using System.Globalization;
using System.Text;

namespace OomaPorting.Domain.Common;

/// <summary>
/// Text as searches compare it: lower case, without accents ("Lefèvre" and "LEFEVRE" are both "lefevre"), spaces
/// collapsed. Stored beside a name (<see cref="Accounts.Account.SearchName"/>) and applied to what is typed, so both
/// database providers match alike without depending on their collations.
/// </summary>
public static class SearchText
{
    public static string Normalize(string? text)
    {
        var decomposed = (text ?? string.Empty).Trim().Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c switch { 'œ' or 'Œ' => "oe", 'æ' or 'Æ' => "ae", 'ß' => "ss", _ => char.ToLowerInvariant(c).ToString() });
        }

        return result.ToString().Normalize(NormalizationForm.FormC);
    }
}
