using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Features.Retention;

/// <summary>
/// Applies the retention periods of closed requests (RGPD): erases their personal data
/// <see cref="RetentionOptions.PersonalDataAfterMonths"/> after they closed, and deletes their signed mandates
/// <see cref="RetentionOptions.MandateAfterYears"/> after (what goes is <see cref="PortRequest.ErasePersonalData"/>'s
/// and <see cref="PortRequest.DeleteMandates"/>'s to say), and erases the content of e-mails sent
/// <see cref="RetentionOptions.SentEmailContentAfterDays"/> ago (names, addresses, numbers, attached mandates), and
/// deletes webhook deliveries (their bodies carry numbers and messages) <see cref="RetentionOptions.WebhookLogAfterDays"/> old.
/// 200 requests a save; at start, then hourly, on every
/// instance: two instances erasing one request is harmless (the second finds it done, or loses on its version).
/// </summary>
public sealed class PersonalDataRetention(IServiceScopeFactory scopes, TimeProvider time, IOptions<RetentionOptions> options,
    ILogger<PersonalDataRetention> logger) : PeriodicJob(time, logger)
{
    public const int Batch = 200;

    // A closed request's status changed when it closed (and never since), so StatusChangedAtUtc drives the indexed
    // search (IX_PortRequests_PersonalDataDue, _MandatesDue: not yet done, status, status change) and the closing
    // date itself confirms it.
    private static readonly PortRequestStatus[] Closed = [PortRequestStatus.Completed, PortRequestStatus.Cancelled];

    /// <summary>What one pass did.</summary>
    public sealed record Outcome(int Erased, int MandatesDeleted, int EmailsErased, int WebhookDeliveriesDeleted = 0);

    /// <summary>Applies what is due now.</summary>
    public async Task<Outcome> ApplyAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var eraseBefore = now.AddMonths(-options.Value.PersonalDataAfterMonths);
        var mandatesBefore = now.AddYears(-options.Value.MandateAfterYears);
        int erased = 0, mandates = 0;
        foreach (var status in Closed)
        {
            erased += await InBatchesAsync(
                r => r.PersonalDataErasedAtUtc == null && r.Status == status && r.StatusChangedAtUtc < eraseBefore
                    && (r.CompletedAtUtc ?? r.CancelledAtUtc) < eraseBefore,
                r => r.ErasePersonalData(now), ct);
            mandates += await InBatchesAsync(
                r => r.MandatesDeletedAtUtc == null && r.Status == status && r.StatusChangedAtUtc < mandatesBefore
                    && (r.CompletedAtUtc ?? r.CancelledAtUtc) < mandatesBefore,
                r => r.DeleteMandates(now), ct);
        }

        var emails = await EraseSentEmailsAsync(now.AddDays(-options.Value.SentEmailContentAfterDays), ct);
        var deliveries = await DeleteWebhookDeliveriesAsync(now.AddDays(-options.Value.WebhookLogAfterDays), ct);
        if (erased > 0 || mandates > 0 || emails > 0 || deliveries > 0)
        {
            Logger.LogInformation("Retention: erased the personal data of {Erased} closed requests, deleted the mandates of {Mandates}, erased {Emails} old e-mails, deleted {Deliveries} old webhook deliveries",
                erased, mandates, emails, deliveries);
        }

        return new Outcome(erased, mandates, emails, deliveries);
    }

    /// <summary>Deletes the webhook deliveries made before <paramref name="before"/>, whatever became of them: one statement.</summary>
    private async Task<int> DeleteWebhookDeliveriesAsync(DateTime before, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.CreatedAtUtc < before).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Blanks the recipient, subject and bodies of e-mails sent (or given up) before <paramref name="before"/> and
    /// deletes their attachments; the rows stay for their dedup keys. Two set-based statements.
    /// </summary>
    private async Task<int> EraseSentEmailsAsync(DateTime before, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var old = db.OutboxMessages.Where(m => m.ContentErasedAtUtc == null
            && ((m.Status == OutboxStatus.Sent && m.SentAtUtc < before) || (m.Status == OutboxStatus.Failed && m.CreatedAtUtc < before)));
        await db.Set<OutboxAttachment>().Where(a => old.Any(m => m.Id == a.OutboxMessageId)).ExecuteDeleteAsync(ct);
        return await old.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ContentErasedAtUtc, now)
            .SetProperty(m => m.Recipient, string.Empty)
            .SetProperty(m => m.Subject, string.Empty)
            .SetProperty(m => m.TextBody, string.Empty)
            .SetProperty(m => m.HtmlBody, string.Empty), ct);
    }

    private async Task<int> InBatchesAsync(System.Linq.Expressions.Expression<Func<PortRequest, bool>> due, Func<PortRequest, bool> apply, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true; // nobody is e-mailed about it: the history says so
            // In the index's order (one status at a time): each batch reads its 200 rows and no more; ordered by id,
            // SQLite sorted every request still due at each batch (a first pass of 200,000 slowed to 100 a second).
            var requests = await db.PortRequests.IgnoreQueryFilters().Where(due).OrderBy(r => r.StatusChangedAtUtc).ThenBy(r => r.Id).Take(Batch)
                .Include(r => r.Lines).Include(r => r.Mandates).Include(r => r.Documents).AsSplitQuery().ToListAsync(ct);
            foreach (var r in requests)
            {
                if (apply(r))
                {
                    total++;
                }
            }

            await db.SaveChangesAsync(ct);
            if (requests.Count < Batch)
            {
                return total;
            }
        }
    }

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override string Name => "Applying the retention periods";

    protected override Task RunOnceAsync(CancellationToken ct) => ApplyAsync(ct);
}
