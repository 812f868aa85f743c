namespace OomaPorting.Web.Infrastructure.Health;

/// <summary>
/// The last time a database write failed for the storage's sake (disk full, read-only, unreadable, file gone), as
/// <see cref="SqliteFaultGuard"/> saw it: readiness reports it for <see cref="Memory"/> after the last such failure, so
/// a balancer stops sending requests while writes fail and sends them again once they have stopped failing.
/// </summary>
public sealed class StorageHealth(TimeProvider time)
{
    /// <summary>How long a write fault keeps the instance unready after the last one.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromSeconds(30);

    private (DateTimeOffset At, string Cause)? _last;

    public void Failed(string cause) => _last = (time.GetUtcNow(), cause);

    /// <summary>The cause of a write fault within <see cref="Memory"/>, or null.</summary>
    public string? RecentFault() => _last is { } last && time.GetUtcNow() - last.At < Memory ? last.Cause : null;
}
