using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Features.Notifications;

/// <summary>
/// A request sent back ("À corriger") that the customer has not fixed after <c>Sla:CustomerReminderAfterWorkingDays</c>
/// (3) working days gets one reminder to the account's followers, on a working day from 08:00 in Paris; two working days
/// later, if still silent, it is late for the desk (<see cref="SlaCutoffs"/>). Once per sending-back: the outbox's unique
/// key carries the moment the request was sent back, so a request sent back again gets a new reminder.
/// </summary>
/// <remarks>
/// Runs at every dispatcher tick, like <see cref="FocReminders"/> and for the same reason: one read of the due ids, then
/// work only for requests this instance has not settled; the outbox is asked in batches of exact keys, and only a
/// request with no reminder yet is loaded. A start on the generated million (49,000 requests waiting for their
/// customer) asked the outbox once per request before this.
/// </remarks>
public sealed class ActionReminders(IServiceScopeFactory scopes, TimeProvider time, BusinessCalendar calendar, PortRequestNotifications notifications,
    IOptions<SlaOptions> sla, ILogger<ActionReminders> logger) : IScheduledEmails
{
    private const int Batch = 200;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _settled = [];

    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessCalendar.DateInFrance(now);
        if (!LateDigest.IsSendingTime(now, calendar))
        {
            return 0;
        }

        var sentBackBefore = BusinessCalendar.StartOfDayInFranceUtc(calendar.SubtractWorkingDays(today, sla.Value.CustomerReminderAfterWorkingDays));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var due = await db.PortRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Status == PortRequestStatus.ActionRequired && r.StatusChangedAtUtc < sentBackBefore)
            .Select(r => new { r.Id, r.StatusChangedAtUtc }).ToListAsync(ct);
        List<(Guid Id, DateTime SentBackAtUtc, string Key)> open;
        lock (_gate)
        {
            open = [.. due.Select(r => (r.Id, r.StatusChangedAtUtc, Key: ReminderKey(r.Id, r.StatusChangedAtUtc))).Where(r => !_settled.Contains(r.Key))];
        }

        var added = 0;
        foreach (var batch in open.Chunk(Batch))
        {
            // A reminder already in the outbox (written before a restart, or by another instance) settles its request.
            var firstKeys = batch.Select(r => r.Key + ":0").ToList();
            var queued = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.DedupKey != null && firstKeys.Contains(m.DedupKey))
                .Select(m => m.DedupKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var request in batch)
            {
                if (queued.Contains(request.Key + ":0"))
                {
                    Settle(request.Key);
                }
                else if (await EnqueueAsync(db, request.Id, request.SentBackAtUtc, request.Key, ct) is { } count)
                {
                    added += count;
                    Settle(request.Key);
                }
            }
        }

        return added;
    }

    /// <summary>The reminders written (0 when nobody follows the account, or another instance wrote them first), or null when the request is no longer due.</summary>
    private async Task<int?> EnqueueAsync(AppDbContext db, Guid id, DateTime sentBackAtUtc, string key, CancellationToken ct)
    {
        var r = await db.PortRequests.IgnoreQueryFilters().AsNoTracking().Include(x => x.Lines)
            .FirstOrDefaultAsync(x => x.Id == id && x.Status == PortRequestStatus.ActionRequired && x.StatusChangedAtUtc == sentBackAtUtc, ct);
        if (r is null)
        {
            return null; // fixed or cancelled since the ids were read
        }

        var writer = notifications.For(db);
        var index = 0;
        foreach (var (email, culture) in await writer.FollowersAsync(r.AccountId, ct))
        {
            writer.Add("ActionReminder", r, email, culture, writer.ComposeActionReminder(culture, r), [], $"{key}:{index++}");
        }

        if (index == 0)
        {
            return 0;
        }

        try
        {
            db.NotificationsSuppressed = true;
            await db.SaveChangesAsync(ct);
            return index;
        }
        catch (DbUpdateException)
        {
            logger.LogInformation("The correction reminder of request {PortRequestId} was queued elsewhere", r.Id);
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string ReminderKey(Guid id, DateTime sentBackAtUtc) => $"action-reminder:{id:N}:{sentBackAtUtc.Ticks}";

    private void Settle(string key)
    {
        lock (_gate)
        {
            _settled.Add(key);
        }
    }
}
