using OomaPorting.Web.Infrastructure.Email;

namespace OomaPorting.Web.Features.Notifications;

/// <summary>
/// The working day before a FOC date, each admin of the account gets a reminder naming the day ("lundi 30 novembre",
/// never "demain": it may be read on a Friday for a Monday); the outbox's unique dedup key makes it once per request and
/// FOC date, across restarts and instances. A FOC date announced on that working day or later gets none: its own
/// e-mail is the reminder.
/// </summary>
/// <remarks>
/// Runs at every dispatcher tick, so its steady-state cost must not grow with the number of due requests: one
/// covering-index read of the due ids, then work only for ids this instance has not settled yet for that date.
/// Settled ids are checked against the outbox in batches (exact key lookups on its unique index), and only requests
/// with no reminder yet are loaded. The first load test at 1,000,000 requests found the previous version reading
/// every due request with its lines and running three queries for each, every five seconds.
/// </remarks>
public sealed class FocReminders(IServiceScopeFactory scopes, TimeProvider time, BusinessCalendar calendar, PortRequestNotifications notifications,
    ILogger<FocReminders> logger) : IScheduledEmails
{
    private const int Batch = 200;
    private readonly Lock _gate = new();
    private readonly HashSet<Guid> _settled = [];
    private DateOnly _settledFor;

    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var tomorrow = calendar.AddWorkingDays(BusinessCalendar.DateInFrance(now), 1);

        var due = await db.PortRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.Status == PortRequestStatus.FocConfirmed && r.FocDate == tomorrow)
            .Select(r => r.Id).ToListAsync(ct);
        var open = Unsettled(due, tomorrow);

        var added = 0;
        foreach (var batch in open.Chunk(Batch))
        {
            // A reminder already in the outbox (written before a restart, or by another instance) settles its request.
            var firstKeys = batch.ToDictionary(id => FirstKey(id, tomorrow));
            var keys = firstKeys.Keys.ToList();
            var queued = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.DedupKey != null && keys.Contains(m.DedupKey))
                .Select(m => m.DedupKey!).ToListAsync(ct);
            Settle(queued.Select(k => firstKeys[k]), tomorrow);

            foreach (var id in batch.Except(queued.Select(k => firstKeys[k])))
            {
                if (await EnqueueAsync(db, id, tomorrow, ct) is { } count)
                {
                    added += count;
                    Settle([id], tomorrow);
                }
            }
        }

        return added;
    }

    /// <summary>The reminders written (0 when another instance wrote them first), or null when the request is no longer due.</summary>
    private async Task<int?> EnqueueAsync(AppDbContext db, Guid id, DateOnly focDate, CancellationToken ct)
    {
        var r = await db.PortRequests.IgnoreQueryFilters().AsNoTracking().Include(x => x.Lines)
            .FirstOrDefaultAsync(x => x.Id == id && x.Status == PortRequestStatus.FocConfirmed && x.FocDate == focDate, ct);
        if (r is null)
        {
            return null; // moved or cancelled since the ids were read: not settled, the next tick looks again
        }

        // A FOC date announced on the working day before it (or later) needs no reminder: the FOC e-mail itself just
        // arrived, and a reminder would follow it within seconds.
        var announcedAt = await db.PortRequestEvents.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.PortRequestId == id && e.NewFocDate == focDate)
            .MaxAsync(e => (DateTime?)e.OccurredAtUtc, ct);
        if (announcedAt is { } at && BusinessCalendar.DateInFrance(at) >= calendar.SubtractWorkingDays(focDate, 1))
        {
            return 0;
        }

        var key = ReminderKey(id, focDate);
        var writer = notifications.For(db);
        var index = 0;
        foreach (var (email, culture) in await writer.FollowersAsync(r.AccountId, ct))
        {
            writer.Add("FocReminder", r, email, culture, writer.ComposeReminder(culture, r), [], $"{key}:{index++}");
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
            // Another instance wrote the same reminder first: the unique dedup key kept it single.
            logger.LogInformation("FOC reminder of request {PortRequestId} already queued elsewhere", id);
            return 0;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private List<Guid> Unsettled(List<Guid> due, DateOnly focDate)
    {
        lock (_gate)
        {
            if (_settledFor != focDate)
            {
                _settled.Clear();
                _settledFor = focDate;
            }

            return [.. due.Where(id => !_settled.Contains(id))];
        }
    }

    private void Settle(IEnumerable<Guid> ids, DateOnly focDate)
    {
        lock (_gate)
        {
            if (_settledFor == focDate)
            {
                _settled.UnionWith(ids);
            }
        }
    }

    private static string ReminderKey(Guid id, DateOnly focDate) => $"reminder:{id:N}:{focDate:yyyyMMdd}";

    private static string FirstKey(Guid id, DateOnly focDate) => ReminderKey(id, focDate) + ":0";
}
