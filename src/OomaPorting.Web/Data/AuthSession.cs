namespace OomaPorting.Web.Data;

/// <summary>
/// A server-side sign-in session: the cookie holds only its key. Signing out deletes it, so a replayed cookie is
/// refused; it also remembers the security stamp it was issued under, so a changed password ends it.
/// </summary>
public sealed class AuthSession
{
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string SecurityStamp { get; set; } = string.Empty;

    public byte[] Ticket { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }

    public DateTime ExpiresAtUtc { get; set; }

    public const int MaxDeviceLength = 300;

    /// <summary>What "Mon compte" shows and ends a session by: never the key itself, which is the cookie's secret.</summary>
    public Guid PublicId { get; set; }

    /// <summary>The browser's own description (User-Agent), cut to <see cref="MaxDeviceLength"/>.</summary>
    public string? Device { get; set; }

    /// <summary>The client address the session started from (after the trusted proxy).</summary>
    public string? IpAddress { get; set; }

    /// <summary>When the session last served a request, to five minutes.</summary>
    public DateTime LastSeenAtUtc { get; set; }
}
