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
}
