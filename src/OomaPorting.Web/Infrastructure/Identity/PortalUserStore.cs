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

    public override Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken cancellationToken = default) =>
        base.RedeemCodeAsync(user, Hash(code), cancellationToken);

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Normalize(code))));

    public static string Normalize(string code) =>
        new string((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
}
