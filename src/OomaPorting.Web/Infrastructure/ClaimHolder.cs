using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Query;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Who holds a claim on an outbox message or a webhook delivery: this machine, this process's id and the moment it
/// started (<c>machine|pid|start ticks</c>). A claim's deadline covers a holder on another machine that died; a holder on
/// this machine whose process has ended (killed, then restarted, or a sibling instance gone) is known at once, so its
/// claims are taken back on the next run instead of waiting out the deadline. A live process keeps its claims: two
/// instances on one machine never take each other's.
/// </summary>
public static class ClaimHolder
{
    public const int MaxLength = 120;

    private static readonly string Machine = Environment.MachineName;

    /// <summary>This process, as written in the claims it makes.</summary>
    public static string Current { get; } = Describe(Environment.ProcessId, StartTicks(Process.GetCurrentProcess()));

    /// <summary>True when <paramref name="holder"/> was a process of this machine that no longer runs.</summary>
    public static bool HasEnded(string holder)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var parts = holder.Split('|');
        if (parts.Length != 3 || parts[0] != Machine
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var started))
        {
            return false; // another machine's, or not ours to judge: its deadline decides
        }

        try
        {
            using var process = Process.GetProcessById(pid);

            // The same id reused by a later process is not the holder (a container restarted is pid 1 again).
            return Math.Abs(StartTicks(process) - started) > TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return true; // no process with that id
        }
        catch (InvalidOperationException)
        {
            return true; // it exited while being read
        }
    }

    /// <summary>
    /// Takes back what processes of this machine that have ended still hold among <paramref name="pending"/> (the rows
    /// still to send): they are due again at once. Answers how many. The dispatchers run it once per pass, before their
    /// batches (it reads every pending row's holder: never once per batch).
    /// </summary>
    public static async Task<int> TakeBackFromEndedAsync<T>(IQueryable<T> pending, CancellationToken ct)
        where T : class, IClaimed
    {
        ArgumentNullException.ThrowIfNull(pending);
        var holders = await pending.Where(m => m.ClaimedBy != null && m.ClaimedBy != Current).Select(m => m.ClaimedBy!).Distinct().ToListAsync(ct);
        var ended = holders.Where(HasEnded).ToList();
        return ended.Count == 0 ? 0 : await ReleaseAsync(pending.Where(m => ended.Contains(m.ClaimedBy!)), CancellationToken.None);
    }

    /// <summary>Hands back <paramref name="held"/>: nobody holds them and they are due at their next attempt.</summary>
    public static Task<int> ReleaseAsync<T>(IQueryable<T> held, CancellationToken ct)
        where T : class, IClaimed =>
        held.ExecuteUpdateAsync(u => u.Unclaimed(), ct);

    /// <summary>The setters that leave a row held by nobody, for an UPDATE that also records what became of it.</summary>
    public static UpdateSettersBuilder<T> Unclaimed<T>(this UpdateSettersBuilder<T> update)
        where T : class, IClaimed
    {
        ArgumentNullException.ThrowIfNull(update);
        return update
            .SetProperty(m => m.ClaimToken, (Guid?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null)
            .SetProperty(m => m.ClaimedBy, (string?)null);
    }

    // A host name is at most 64 characters: the whole fits in MaxLength.
    private static string Describe(int pid, long startTicks) => string.Create(CultureInfo.InvariantCulture, $"{Machine}|{pid}|{startTicks}");

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;
}
