namespace OomaPorting.Web.Infrastructure.Health;

/// <summary>
/// The last time a database write failed for the storage's sake (disk full, read-only, unreadable, file gone), as
/// <see cref="SqliteFaultGuard"/> saw it: readiness reports it for <see cref="Memory"/> after the last such failure, so
/// a balancer stops sending requests while writes fail and sends them again once they have stopped failing, or sooner
/// when readiness sees the database take a write again.
/// </summary>
public sealed class StorageHealth(TimeProvider time)
{
    /// <summary>How long a write fault keeps the instance unready after the last one.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromSeconds(30);

    // One reference, swapped whole: readiness and the requests that fail read and write it from several threads.
    private volatile Fault? _last;

    /// <param name="cause">What failed, in an operator's words.</param>
    /// <param name="healsWhenWritable">
    /// Whether the database taking a write again proves the cause gone (a permission, a moved file), so readiness may
    /// forget it at once; not for a damaged file, whose writes may work while its reads fail.
    /// </param>
    public void Failed(string cause, bool healsWhenWritable = true) => _last = new Fault(time.GetUtcNow(), cause, healsWhenWritable);

    /// <summary>Whether the remembered fault is one a successful write probe puts right.</summary>
    public bool HealsWhenWritable => _last?.HealsWhenWritable == true;

    /// <summary>Forgets the last fault: the database was seen to take writes again (<see cref="StorageHealthCheck"/>).</summary>
    public void Recovered() => _last = null;

    /// <summary>The cause of a write fault within <see cref="Memory"/>, or null.</summary>
    public string? RecentFault() => _last is { } last && time.GetUtcNow() - last.At < Memory ? last.Cause : null;

    private sealed record Fault(DateTimeOffset At, string Cause, bool HealsWhenWritable);
}
