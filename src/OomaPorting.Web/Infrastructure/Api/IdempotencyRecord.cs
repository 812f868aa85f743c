namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// What an API POST sent with an <c>Idempotency-Key</c> answered, kept <see cref="IdempotencyAttribute.KeepFor"/> so a
/// retry gets the same answer instead of doing it twice. Scoped to the API key: two integrators may use the same key.
/// <see cref="StatusCode"/> 0 while the first call is still being handled.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int MaxKeyLength = 255;

    public Guid Id { get; set; }

    public Guid ApiKeyId { get; set; }

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 of the method, the path and the body: the same key with another request is refused.</summary>
    public byte[] RequestHash { get; set; } = [];

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    public byte[]? Body { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>
    /// The process handling the first call (<see cref="ClaimHolder"/>): a retry after that process ended (killed, then
    /// restarted) is answered at once instead of after <see cref="IdempotencyAttribute.AbandonedAfter"/>.
    /// </summary>
    public string? ClaimedBy { get; set; }

    /// <summary>
    /// When the call's own changes were saved: written by the same save as those changes (one transaction), so a claim
    /// left without an answer (the process died between the save and the answer) tells whether anything was kept.
    /// </summary>
    public DateTime? SavedAtUtc { get; set; }
}
