using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>
/// Identity's own store, except that two-factor recovery codes are kept as SHA-256 hashes: a copy of the database
/// does not give anyone a way past the second factor. Codes are upper-cased and stripped of spaces before hashing,
/// so "abcde-12345" typed in lower case works.
/// </summary>
public sealed class PortalUserStore(AppDbContext context, IdentityErrorDescriber? describer = null)
    : UserStore<AppUser, IdentityRole, AppDbContext>(context, describer)
{
    public override Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(Hash), cancellationToken);

    /// <summary>
    /// Identity's own redeem would hand the codes left to <see cref="ReplaceCodesAsync"/>, which hashes what is already
    /// hashed: every code after the first would then be refused. The codes left are stored as they are.
    /// </summary>
    public override async Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var hashed = Hash(code);
        var stored = (await GetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, cancellationToken) ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries);
        if (!stored.Contains(hashed, StringComparer.Ordinal))
        {
            return false;
        }

        await base.ReplaceCodesAsync(user, stored.Where(c => !string.Equals(c, hashed, StringComparison.Ordinal)), cancellationToken);
        return true;
    }

    /// <summary>Identity's names for the stored codes (private in its store).</summary>
    private const string InternalLoginProvider = "[AspNetUserStore]";

    private const string RecoveryCodeTokenName = "RecoveryCodes";

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Normalize(code))));

    public static string Normalize(string code) =>
        new string((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}
