using Microsoft.Extensions.Options;
using MimeKit;

namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>
/// Sends what is due from the outbox. Safe with several portal instances on one database: a batch is claimed by one
/// conditional UPDATE before anything is sent, a claim whose deadline passed (a crashed instance) is taken again, and
/// a claim of a process of this machine that has ended is taken back at once (<see cref="ClaimHolder"/>), and
/// a failed send is retried later with a growing delay until <see cref="EmailOptions.MaxAttempts"/>, then left as Failed.
/// </summary>
public sealed class OutboxProcessor(IServiceScopeFactory scopes, IEmailTransport transport, IOptions<EmailOptions> options,
    TimeProvider time, ILogger<OutboxProcessor> logger)
{
    /// <summary>Takes back the e-mails an ended process of this machine held (<see cref="ClaimHolder"/>): once per pass, before its batches.</summary>
    public async Task<int> TakeBackFromEndedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var takenBack = await ClaimHolder.TakeBackFromEndedAsync(db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending), ct);
        if (takenBack > 0)
        {
            logger.LogWarning("Took back {Count} e-mails held by an ended process of this machine: they are sent now", takenBack);
        }

        return takenBack;
    }

    /// <summary>Claims and sends one batch; answers how many were sent.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();

        var pending = db.OutboxMessages.Where(m => m.Status == OutboxStatus.Pending);
        var due = db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAtUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            // A signature code first: someone waits for it at the signature step; the rest in the order they fell due.
            .OrderBy(m => m.Kind == Features.PortingWizard.SignatureCodes.EmailKind ? 0 : 1).ThenBy(m => m.NextAttemptAtUtc).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(settings.BatchSize);
        var claimed = await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(u => u
                .SetProperty(m => m.ClaimToken, token)
                .SetProperty(m => m.ClaimedBy, ClaimHolder.Current)
                .SetProperty(m => m.ClaimedUntilUtc, now.AddSeconds(settings.ClaimTimeoutSeconds)), ct);
        if (claimed == 0)
        {
            return 0;
        }

        var batch = await db.OutboxMessages.Include(m => m.Attachments).Where(m => m.ClaimToken == token).ToListAsync(ct);
        var sent = 0;
        foreach (var message in batch)
        {
            if (ct.IsCancellationRequested)
            {
                // Stopping: hand back what this run still holds, so the next run takes it at once.
                await ClaimHolder.ReleaseAsync(pending.Where(m => m.ClaimToken == token), CancellationToken.None);
                return sent;
            }

            if (scope.ServiceProvider.GetServices<IOutboxPreparer>().FirstOrDefault(p => p.Kind == message.Kind) is { } preparer)
            {
                // Written now, not when asked for: saved (with the preparer's own writes) before it is sent, or
                // deleted when there is nothing to send.
                if (!await preparer.PrepareAsync(db, message, ct))
                {
                    db.OutboxMessages.Remove(message);
                }

                await db.SaveChangesAsync(CancellationToken.None);
                if (db.Entry(message).State == EntityState.Detached)
                {
                    continue;
                }
            }

            using var activity = Telemetry.PortalTelemetry.Source.StartActivity("outbox.send");
            activity?.SetTag(Telemetry.PortalTelemetry.KindTag, message.Kind);
            activity?.SetTag("oomaporting.email.attempt", message.Attempts + 1);
            try
            {
                await transport.SendAsync(ToMime(message, settings), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                message.Attempts++;
                message.LastError = e.GetType().Name + ": " + Truncate(e.Message, 900);
                if (message.Attempts >= settings.MaxAttempts)
                {
                    message.Status = OutboxStatus.Failed;
                    Counted(activity, message.Kind, "failed");
                    logger.LogError("Gave up on {Kind} message {MessageId} after {Attempts} attempts: {Error}", message.Kind, message.Id, message.Attempts, e.GetType().Name);
                    AlertDesk(db, scope.ServiceProvider.GetRequiredService<EmailComposer>(), settings, message);
                }
                else
                {
                    Counted(activity, message.Kind, "retry");
                    var delay = Math.Min(3600, settings.RetryBaseSeconds * Math.Pow(2, message.Attempts - 1));
                    message.NextAttemptAtUtc = time.GetUtcNow().UtcDateTime.AddSeconds(delay);
                    logger.LogWarning("Sending {Kind} message {MessageId} failed (attempt {Attempts}), retry in {Delay} s: {Error}",
                        message.Kind, message.Id, message.Attempts, delay, e.GetType().Name);
                }

                message.ClaimToken = null;
                message.ClaimedUntilUtc = null;
                message.ClaimedBy = null;
                await db.SaveChangesAsync(CancellationToken.None);
                continue;
            }

            await MarkSentAsync(db, message);
            sent++;
            Counted(activity, message.Kind, "sent");
            logger.LogInformation("Sent {Kind} message {MessageId} of request {PortRequestId}", message.Kind, message.Id, message.PortRequestId);
        }

        return sent;
    }

    /// <summary>
    /// Records a message as sent the moment the relay took it, one by one, by one UPDATE that goes straight to the
    /// database's lock instead of queueing behind the portal's page writes (<see cref="SqliteWriters"/>): a kill can
    /// then fall between a send and its record only for that short write, and the message sent again keeps its
    /// <c>Message-ID</c>, so mail clients show it once.
    /// </summary>
    private async Task MarkSentAsync(AppDbContext db, OutboxMessage message)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var redacted = Outbox.RedactedOnceSent.Contains(message.Kind);
        await db.OutboxMessages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(u =>
        {
            u.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAtUtc, now).SetProperty(m => m.LastError, (string?)null).Unclaimed();
            if (redacted)
            {
                // The single-use link lives only in the recipient's mailbox, never in the outbox's history.
                u.SetProperty(m => m.TextBody, "[sent; its single-use link is not kept]")
                    .SetProperty(m => m.HtmlBody, "<p>[sent; its single-use link is not kept]</p>");
            }
        }, CancellationToken.None);
        db.Entry(message).State = EntityState.Detached;
    }

    /// <summary>
    /// Tells the desk that a message will never arrive (saved with the failure, so exactly once), unless that message
    /// was itself for the desk: its own address failing cannot be reported there.
    /// </summary>
    private void AlertDesk(AppDbContext db, EmailComposer composer, EmailOptions settings, OutboxMessage failed)
    {
        if (string.Equals(failed.Recipient, settings.SupportAddress, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var content = composer.InCulture("fr-FR", t => new EmailContent(
            t["Email.SupportDeliveryFailed.Subject", failed.Subject].Value,
            t["Email.SupportDeliveryFailed.Heading"].Value,
            [t["Email.SupportDeliveryFailed.Body", failed.Recipient, failed.Subject, failed.Attempts].Value,
             t["Email.SupportDeliveryFailed.Error", failed.LastError ?? string.Empty].Value,
             t["Email.SupportDeliveryFailed.Do"].Value],
            [],
            failed.PortRequestId is { } id ? $"{composer.PortalUrl}/support/portages/{id}/courriels" : null,
            failed.PortRequestId is null ? null : t["Email.SupportDeliveryFailed.Link"].Value));
        Outbox.Add(db, composer, time.GetUtcNow().UtcDateTime, "SupportDeliveryFailed", failed.AccountId, failed.PortRequestId, settings.SupportAddress, "fr-FR",
            content, [], dedupKey: $"failed:{failed.Id:N}");
    }

    public static MimeMessage ToMime(OutboxMessage message, EmailOptions settings)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(settings);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            MessageId = $"{message.Id:N}@portage.ooma-office",
            Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedAtUtc, DateTimeKind.Utc)),
        };
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.Recipient));
        mime.Headers.Add("Content-Language", message.Culture);
        if (Outbox.Urgent.Contains(message.Kind))
        {
            mime.Importance = MessageImportance.High;
            mime.Priority = MessagePriority.Urgent;
            mime.XPriority = XMessagePriority.Highest;
        }
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var a in message.Attachments)
        {
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        }

        mime.Body = body.ToMessageBody();

        // 7-bit transport: accents travel quoted-printable (text) or base64, never as raw 8-bit bytes that a relay or
        // a reader may garble.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private static void Counted(System.Diagnostics.Activity? activity, string kind, string outcome)
    {
        activity?.SetTag(Telemetry.PortalTelemetry.OutcomeTag, outcome);
        if (outcome != "sent")
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        }

        Telemetry.PortalTelemetry.Emails.Add(1, new KeyValuePair<string, object?>(Telemetry.PortalTelemetry.KindTag, kind),
            new KeyValuePair<string, object?>(Telemetry.PortalTelemetry.OutcomeTag, outcome));
    }
}
