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

    /// <summary>What an erased person is called wherever their name was.</summary>
    public const string ErasedName = "—";

    // A closed request's status changed when it closed (and never since), so StatusChangedAtUtc drives the indexed
    // search (IX_PortRequests_PersonalDataDue, _MandatesDue: not yet done, status, status change) and the closing
    // date itself confirms it.
    private static readonly PortRequestStatus[] Closed = [PortRequestStatus.Completed, PortRequestStatus.Cancelled];

    /// <summary>What one pass did.</summary>
    public sealed record Outcome(int Erased, int MandatesDeleted, int EmailsErased, int WebhookDeliveriesDeleted = 0, int AccountsErased = 0);

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
                (_, r) => r.ErasePersonalData(now), ct, withThread: true);
            mandates += await InBatchesAsync(
                r => r.MandatesDeletedAtUtc == null && r.Status == status && r.StatusChangedAtUtc < mandatesBefore
                    && (r.CompletedAtUtc ?? r.CancelledAtUtc) < mandatesBefore,
                (_, r) => r.DeleteMandates(now), ct);
        }

        var accounts = await EraseClosedAccountsAsync(now.AddMonths(-options.Value.ClosedAccountAfterMonths), now, ct);
        await DeleteErasedMandateFilesAsync(ct);
        var emails = await EraseSentEmailsAsync(now.AddDays(-options.Value.SentEmailContentAfterDays), ct);
        var deliveries = await DeleteWebhookDeliveriesAsync(now.AddDays(-options.Value.WebhookLogAfterDays), ct);
        if (erased > 0 || mandates > 0 || emails > 0 || deliveries > 0 || accounts > 0)
        {
            Logger.LogInformation("Retention: erased the personal data of {Erased} closed requests and {Accounts} closed accounts, deleted the mandates of {Mandates}, erased {Emails} old e-mails, deleted {Deliveries} old webhook deliveries",
                erased, accounts, mandates, emails, deliveries);
        }

        return new Outcome(erased, mandates, emails, deliveries, accounts);
    }

    /// <summary>
    /// Erases the accounts support closed before <paramref name="closedBefore"/>, one at a time: its requests' personal
    /// data (whatever their own closing date; drafts deleted) and their messages and signature codes, its people
    /// (anonymised: name, e-mail, password, phone, second factor, sessions, invitations), its archives and webhook
    /// addresses, the details of its audit lines, then the account's own name and SIRET (<see cref="Domain.Accounts.Account.ErasePersonalData"/>).
    /// Requests go in batches, each saved: a pass cut short goes on where it stopped.
    /// </summary>
    private async Task<int> EraseClosedAccountsAsync(DateTime closedBefore, DateTime now, CancellationToken ct)
    {
        var accounts = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;
            var account = await db.Accounts.IgnoreQueryFilters()
                .Where(a => a.PersonalDataErasedAtUtc == null && a.ClosedAtUtc != null && a.ClosedAtUtc < closedBefore)
                .OrderBy(a => a.ClosedAtUtc).FirstOrDefaultAsync(ct);
            if (account is null)
            {
                return accounts;
            }

            await EraseRequestsOfAsync(account.Id, now, ct);
            await db.SignatureCodes.IgnoreQueryFilters().Where(c => c.AccountId == account.Id).ExecuteDeleteAsync(ct);
            await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.AccountId == account.Id).ExecuteDeleteAsync(ct);
            await db.WebhookEndpoints.IgnoreQueryFilters().Where(e => e.AccountId == account.Id).ExecuteDeleteAsync(ct);
            await db.AccountExportChunks.Where(c => db.AccountExports.IgnoreQueryFilters().Any(e => e.Id == c.ExportId && e.AccountId == account.Id)).ExecuteDeleteAsync(ct);
            await db.AccountExports.IgnoreQueryFilters().Where(e => e.AccountId == account.Id).ExecuteDeleteAsync(ct);
            var userIds = db.Users.Where(u => u.AccountId == account.Id).Select(u => u.Id);
            await db.AuthSessions.Where(s => userIds.Contains(s.UserId)).ExecuteDeleteAsync(ct);
            await db.UserInvitations.Where(i => userIds.Contains(i.UserId)).ExecuteDeleteAsync(ct);
            await db.Set<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().Where(t => userIds.Contains(t.UserId)).ExecuteDeleteAsync(ct);
            // Its people's names where they acted (the desk's names stay: they are the desk's own record).
            await db.AuditEntries.Where(e => e.AccountId == account.Id).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.Details, string.Empty)
                .SetProperty(e => e.ActorName, e => userIds.Contains(e.ActorUserId) ? ErasedName : e.ActorName), ct);
            await db.PortRequestEvents.IgnoreQueryFilters().Where(e => e.AccountId == account.Id && userIds.Contains(e.ActorUserId))
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorName, ErasedName), ct);
            foreach (var user in await db.Users.Where(u => u.AccountId == account.Id).ToListAsync(ct))
            {
                Anonymise(user);
            }

            account.ErasePersonalData(now);
            await db.SaveChangesAsync(ct);
            accounts++;
        }
    }

    /// <summary>A user of an erased account: nothing left that names or reaches the person, and no way to sign in.</summary>
    private static void Anonymise(AppUser user)
    {
        var erased = $"erased-{user.Id}@invalid";
        user.DisplayName = ErasedName;
        user.UserName = erased;
        user.NormalizedUserName = erased.ToUpperInvariant();
        user.Email = erased;
        user.NormalizedEmail = erased.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.Extension = null;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.IsDisabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    /// <summary>An erased account's requests: drafts deleted, the others' personal data erased now (their histories loaded: the people's names go too).</summary>
    private Task<int> EraseRequestsOfAsync(Guid accountId, DateTime now, CancellationToken ct) =>
        InBatchesAsync(
            r => r.AccountId == accountId && r.PersonalDataErasedAtUtc == null && (r.Status == PortRequestStatus.Draft || Closed.Contains(r.Status)),
            (db, r) =>
            {
                if (r.Status != PortRequestStatus.Draft)
                {
                    return r.ErasePersonalData(now);
                }

                db.PortRequests.Remove(r);
                return true;
            },
            ct, withEvents: true, withThread: true);

    /// <summary>
    /// Deletes the signed mandate files of requests whose personal data were erased: the file shows the drawn signature,
    /// the IP address and the browser (the sealed text stays as evidence). One statement, after the erasures: a pass
    /// cut short between the two is finished by the next.
    /// </summary>
    private async Task DeleteErasedMandateFilesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.MandateFiles.IgnoreQueryFilters()
            .Where(f => db.Mandates.IgnoreQueryFilters().Any(m => m.Id == f.MandateId
                && db.PortRequests.IgnoreQueryFilters().Any(r => r.Id == m.PortRequestId && r.PersonalDataErasedAtUtc != null)))
            .ExecuteDeleteAsync(ct);
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
    /// deletes the attachments of every erased e-mail; the rows stay for their dedup keys. Two set-based statements.
    /// </summary>
    private async Task<int> EraseSentEmailsAsync(DateTime before, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = Time.GetUtcNow().UtcDateTime;
        var old = db.OutboxMessages.Where(m => m.ContentErasedAtUtc == null
            && ((m.Status == OutboxStatus.Sent && m.SentAtUtc < before) || (m.Status == OutboxStatus.Failed && m.CreatedAtUtc < before)));
        var erased = await old.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ContentErasedAtUtc, now)
            .SetProperty(m => m.Recipient, string.Empty)
            .SetProperty(m => m.Subject, string.Empty)
            .SetProperty(m => m.TextBody, string.Empty)
            .SetProperty(m => m.HtmlBody, string.Empty), ct);

        // Then the attachments of every erased e-mail: selected by the erasure itself, not by the same "old" query run
        // again, so an e-mail erased by a concurrent pass (another instance, the scheduled job beside a manual run)
        // between two statements never keeps its attachments.
        await db.Set<OutboxAttachment>().Where(a => db.OutboxMessages.Any(m => m.Id == a.OutboxMessageId && m.ContentErasedAtUtc != null))
            .ExecuteDeleteAsync(ct);
        return erased;
    }

    /// <summary>
    /// Applies <paramref name="apply"/> to the requests <paramref name="due"/>, 200 a save; how many it changed. With
    /// <paramref name="withThread"/>, the messages of each request it changed are deleted in the same save (a thread
    /// names people and says what they wrote: it goes with the request's personal data).
    /// </summary>
    private async Task<int> InBatchesAsync(System.Linq.Expressions.Expression<Func<PortRequest, bool>> due, Func<AppDbContext, PortRequest, bool> apply,
        CancellationToken ct, bool withEvents = false, bool withThread = false)
    {
        var total = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true; // nobody is e-mailed about it: the history says so
            // In the index's order (one status at a time): each batch reads its 200 rows and no more; ordered by id,
            // SQLite sorted every request still due at each batch (a first pass of 200,000 slowed to 100 a second).
            IQueryable<PortRequest> batch = db.PortRequests.IgnoreQueryFilters().Where(due).OrderBy(r => r.StatusChangedAtUtc).ThenBy(r => r.Id).Take(Batch)
                .Include(r => r.Lines).Include(r => r.Mandates).Include(r => r.Documents);
            var requests = await (withEvents ? batch.Include(r => r.Events) : batch).AsSplitQuery().ToListAsync(ct);
            var changed = new List<Guid>();
            foreach (var r in requests)
            {
                if (apply(db, r))
                {
                    changed.Add(r.Id);
                }
            }

            if (withThread && changed.Count > 0)
            {
                db.PortRequestMessages.RemoveRange(await db.PortRequestMessages.IgnoreQueryFilters()
                    .Where(m => EF.Parameter(changed).Contains(m.PortRequestId)).ToListAsync(ct));
            }

            total += changed.Count;

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
