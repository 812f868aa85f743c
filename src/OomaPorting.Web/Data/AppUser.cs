using Microsoft.AspNetCore.Identity;

namespace OomaPorting.Web.Data;

/// <summary>A person who signs in. Account users and admins carry their account; support agents have none.</summary>
public sealed class AppUser : IdentityUser
{
    public Guid? AccountId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The user's extension ("poste") on the account's phone system.</summary>
    public string? Extension { get; set; }

    /// <summary>The language of the user's e-mails: <c>fr-FR</c> (default) or <c>en</c>; follows the language switch.</summary>
    public string PreferredCulture { get; set; } = "fr-FR";

    /// <summary>
    /// Whether this user receives the e-mails that follow the account's ports; null: the default of the role (admins
    /// yes, users no). Each user chooses on "Statut du portage".
    /// </summary>
    public bool? FollowsPorts { get; set; }

    /// <summary>
    /// The time step of the last authenticator code accepted for this user: a code is accepted only for a later step,
    /// so an overheard code cannot be used again.
    /// </summary>
    public long AuthenticatorLastStep { get; set; }

    /// <summary>A disabled user cannot sign in, and every session of theirs ends.</summary>
    public bool IsDisabled { get; set; }
}
