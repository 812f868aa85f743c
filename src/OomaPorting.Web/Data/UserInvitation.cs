namespace OomaPorting.Web.Data;

/// <summary>
/// A single-use link that lets a person choose their password: only the SHA-256 of its random token is stored. Valid
/// until <see cref="ExpiresAtUtc"/>, unless used or revoked (a newer link for the same person revokes the older ones).
/// </summary>
public sealed class UserInvitation
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    /// <summary>The token's SHA-256, lower-case hex: the token itself is never stored.</summary>
    public string TokenHash { get; set; } = string.Empty;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public DateTime? UsedAtUtc { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public bool IsUsable(DateTime nowUtc) => UsedAtUtc is null && RevokedAtUtc is null && nowUtc < ExpiresAtUtc;
}
