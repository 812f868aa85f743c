using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>
/// A password check against a hash nobody holds, made with the portal's own hashing settings: a sign-in for an
/// unknown, disabled or locked address does the same work as a wrong password for a real one, so the time of the
/// answer does not tell who has an account.
/// </summary>
public sealed class DecoyPassword
{
    private static readonly AppUser Nobody = new();
    private readonly PasswordHasher<AppUser> _hasher;
    private readonly Lazy<string> _hash;

    public DecoyPassword(IOptions<PasswordHasherOptions> options)
    {
        _hasher = new PasswordHasher<AppUser>(options);
        _hash = new Lazy<string>(() => _hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
    }

    /// <summary>Spends one password verification; the answer is always "wrong".</summary>
    public void Check(string? password) => _hasher.VerifyHashedPassword(Nobody, _hash.Value, password ?? string.Empty);
}
