using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Localization;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Features.Notifications;

/// <summary>
/// Each working day from 08:00 in Paris, one e-mail to the desk (<c>Email:SupportAddress</c>) listing the requests
/// that are late and why (the queue's own rule, <see cref="SlaCutoffs"/>); none when nothing is late. The outbox's
/// unique dedup key (<c>late-digest:{date}</c>) makes it once a day across restarts and instances.
/// </summary>
public sealed class LateDigest(IServiceScopeFactory scopes, TimeProvider time, BusinessCalendar calendar, EmailComposer composer,
    IOptions<EmailOptions> email, IOptions<SlaOptions> sla, ILogger<LateDigest> logger) : IScheduledEmails
{
    /// <summary>The hour (Paris time) from which the day's scheduled e-mails to people (digest, reminders) are written.</summary>
    public static readonly TimeOnly SendFrom = new(8, 0);

    /// <summary>Whether <paramref name="nowUtc"/> is on a working day in France, from <see cref="SendFrom"/> in Paris.</summary>
    public static bool IsSendingTime(DateTime nowUtc, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = BusinessCalendar.DateInFrance(nowUtc);
        return calendar.IsWorkingDay(today) && nowUtc >= BusinessCalendar.StartOfDayInFranceUtc(today).Add(SendFrom.ToTimeSpan());
    }

    /// <summary>At most this many requests are listed; the count and the queue's link cover the rest.</summary>
    public const int MaxListed = 100;

    private DateOnly _doneFor;

    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = BusinessCalendar.DateInFrance(now);
        if (_doneFor == today || !IsSendingTime(now, calendar))
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var key = $"late-digest:{today:yyyy-MM-dd}";
        if (await db.OutboxMessages.AnyAsync(m => m.DedupKey == key, ct))
        {
            _doneFor = today;
            return 0;
        }

        var cutoffs = SlaCutoffs.At(now, calendar, sla.Value.Limits);
        var late = db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(cutoffs.IsLate());
        var byReason = await late.Select(cutoffs.Reason()).GroupBy(r => r).Select(g => new { Reason = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (byReason.Count == 0)
        {
            _doneFor = today;
            return 0;
        }

        var listed = await late.OrderBy(r => r.StatusChangedAtUtc).ThenBy(r => r.Id).Take(MaxListed)
            .Select(ExpressionInliner.Inline<PortRequest, LateReason, Listed>((r, reason) => new Listed(r.Reference,
                db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.CompanyName).First(), reason), cutoffs.Reason()))
            .ToListAsync(ct);
        var total = byReason.Sum(g => g.Count);
        var limits = sla.Value.Limits;
        var content = composer.InCulture("fr-FR", t => new EmailContent(
            t.Plural("Email.LateDigest.Subject", total, Display.Day(today)),
            t.Plural("Email.LateDigest.Heading", total),
            [.. byReason.OrderBy(g => g.Reason).Select(g => t["Email.LateDigest.Count", g.Count,
                t[$"Late.{g.Reason}", limits.FocWithinWorkingDays, limits.CustomerSilentAfterWorkingDays, limits.CheckWithinWorkingDays]].Value)],
            [.. listed.Select(l => t["Email.LateDigest.Item", l.Reference ?? "—", l.Company,
                t[$"Late.{l.Reason}", limits.FocWithinWorkingDays, limits.CustomerSilentAfterWorkingDays, limits.CheckWithinWorkingDays]].Value)],
            $"{composer.PortalUrl}/support/portages?Late=true", t["Email.LateDigest.Link"].Value)
        { After = total > listed.Count ? [t["Email.LateDigest.More", total - listed.Count].Value] : [] });
        Outbox.Add(db, composer, now, "LateDigest", null, null, email.Value.SupportAddress, "fr-FR", content, [], key);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            logger.LogInformation("The late digest of {Day} was queued elsewhere", today);
            return 0;
        }
        finally
        {
            _doneFor = today;
        }

        logger.LogInformation("Late digest of {Day} queued: {Count} late requests", today, total);
        return 1;
    }

    private sealed record Listed(string? Reference, string Company, LateReason Reason);
}
