using System.Net.Mail;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>
/// The e-mail addresses a person can be given as a sign-in name: a plain address (<c>prenom.nom@entreprise.fr</c>),
/// in the characters Identity accepts in a user name (letters, digits, <c>@ . - _ +</c>), 256 characters at most.
/// </summary>
public static class EmailAddresses
{
    public static bool IsPlain(string? value)
    {
        var text = value?.Trim();
        return !string.IsNullOrEmpty(text) && text.Length <= 256
            && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' or '_' or '+')
            && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Count(c => c == '@') == 1;
    }
}
