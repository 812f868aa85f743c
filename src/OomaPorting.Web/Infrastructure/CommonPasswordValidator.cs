using Microsoft.AspNetCore.Identity;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Refuses passwords found in lists of the most common ones (NIST SP 800-63B: length and a blocklist, no composition
/// rules). The list ships with the app (<c>Infrastructure/common-passwords.txt</c>); comparison ignores case.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> text) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is not null && IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = text["Password.Common"],
            }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("OomaPorting.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
