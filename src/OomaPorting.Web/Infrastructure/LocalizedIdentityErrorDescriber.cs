using Microsoft.AspNetCore.Identity;

namespace OomaPorting.Web.Infrastructure;

/// <summary>Identity's messages in the user's language, for the rules the portal uses.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = text["Password.TooShort", length] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = text["Password.Mismatch"] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = text["Identity.DuplicateEmail"] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = text["Identity.DuplicateEmail"] };
}
