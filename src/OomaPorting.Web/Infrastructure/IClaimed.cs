namespace OomaPorting.Web.Infrastructure;

/// <summary>A row a dispatcher claims before it sends it (an outbox message, a webhook delivery): see <see cref="ClaimHolder"/>.</summary>
public interface IClaimed
{
    /// <summary>The dispatcher run that holds it; a claim older than its deadline is taken again (a crashed instance).</summary>
    Guid? ClaimToken { get; set; }

    DateTime? ClaimedUntilUtc { get; set; }

    /// <summary>The process that holds it (<see cref="ClaimHolder.Current"/>); null when nobody does.</summary>
    string? ClaimedBy { get; set; }
}
