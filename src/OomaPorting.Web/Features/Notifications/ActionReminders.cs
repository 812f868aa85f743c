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
public sealed class ActionReminders(IServiceScopeFactory scopes, TimeProvider time, BusinessCalendar calendar, PortRequestNotifications notifications,
    IOptions<SlaOptions> sla, ILogger<ActionReminders> logger) : IScheduledEmails
{
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
        var added = 0;
        foreach (var request in due)
        {
            var key = $"action-reminder:{request.Id:N}:{request.StatusChangedAtUtc.Ticks}";
            bool known;
            lock (_gate)
            {
                known = _settled.Contains(key);
            }

            if (known || await db.OutboxMessages.AnyAsync(m => m.DedupKey == key + ":0", ct))
            {
                Settle(key);
                continue;
            }

            var r = await db.PortRequests.IgnoreQueryFilters().AsNoTracking().Include(x => x.Lines)
                .FirstOrDefaultAsync(x => x.Id == request.Id && x.Status == PortRequestStatus.ActionRequired && x.StatusChangedAtUtc == request.StatusChangedAtUtc, ct);
            if (r is null)
            {
                continue; // fixed or cancelled since the ids were read
            }

            var writer = notifications.For(db);
            var index = 0;
            foreach (var (email, culture) in await writer.FollowersAsync(r.AccountId, ct))
            {
                writer.Add("ActionReminder", r, email, culture, writer.ComposeActionReminder(culture, r), [], $"{key}:{index++}");
            }

            try
            {
                db.NotificationsSuppressed = true;
                await db.SaveChangesAsync(ct);
                added += index;
            }
            catch (DbUpdateException)
            {
                logger.LogInformation("The correction reminder of request {PortRequestId} was queued elsewhere", r.Id);
            }
            finally
            {
                db.ChangeTracker.Clear();
                Settle(key);
            }
        }

        return added;
    }

    private void Settle(string key)
    {
        lock (_gate)
        {
            _settled.Add(key);
        }
    }
}
