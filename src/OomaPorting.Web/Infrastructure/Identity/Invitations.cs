using System.Security.Cryptography;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>
/// Single-use links to choose a password: a 256-bit random token in the link, its SHA-256 in the database. A new link
/// for a person revokes their older ones; using one marks it used.
/// </summary>
public static class Invitations
{
    /// <summary>How long an invitation link stays valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    /// <summary>How long a password-reset link stays valid.</summary>
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    /// <summary>The path of the page a link opens; the token follows it.</summary>
    public const string Path = "/compte/invitation/";

    /// <summary>Adds a new link for <paramref name="userId"/> to <paramref name="db"/> (saved with the caller's changes); returns its token.</summary>
    public static async Task<string> IssueAsync(AppDbContext db, string userId, DateTime nowUtc, CancellationToken ct, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var open in await db.UserInvitations.Where(i => i.UserId == userId && i.UsedAtUtc == null && i.RevokedAtUtc == null).ToListAsync(ct))
        {
            open.RevokedAtUtc = nowUtc;
        }

        var token = Base64UrlToken(RandomNumberGenerator.GetBytes(32));
        db.UserInvitations.Add(new UserInvitation
        {
            Id = Guid.CreateVersion7(nowUtc),
            UserId = userId,
            TokenHash = Hash(token),
            CreatedAtUtc = nowUtc,
            ExpiresAtUtc = nowUtc + (lifetime ?? Lifetime),
        });
        return token;
    }

    /// <summary>The invitation a token opens, when it is still usable; null for a wrong, used, revoked or expired one.</summary>
    public static async Task<UserInvitation?> FindUsableAsync(AppDbContext db, string? token, DateTime nowUtc, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var found = await db.UserInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);

        // The lookup is by hash; the final comparison is constant-time all the same.
        return found is not null
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(found.TokenHash), System.Text.Encoding.ASCII.GetBytes(hash))
            && found.IsUsable(nowUtc)
                ? found
                : null;
    }

    /// <summary>
    /// Whether a token was issued as a password-reset link (true) or an invitation (false), usable or not; null for a
    /// token never issued. Lets the page of a dead link say what the link was and how long it lasted.
    /// </summary>
    public static async Task<bool?> WasResetAsync(AppDbContext db, string? token, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var found = await db.UserInvitations.AsNoTracking().Where(i => i.TokenHash == hash)
            .Select(i => new { i.CreatedAtUtc, i.ExpiresAtUtc }).FirstOrDefaultAsync(ct);
        return found is null ? null : found.ExpiresAtUtc - found.CreatedAtUtc <= ResetLifetime;
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlToken(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
