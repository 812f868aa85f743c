using System.Globalization;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Webhooks;

namespace OomaPorting.Web.Features.HeldMessages;

/// <summary>
/// What a restored backup had still to send: with <c>restore --hold-outbox</c> its pending e-mails and webhook
/// deliveries are <c>Held</c> (the live portal may have sent them after the backup was taken), and nothing goes out
/// until an operator sends them on or discards them, from support's "Envois retenus" page or <c>release-outbox</c>.
/// </summary>
public static class HeldMessages
{
    public const string DiscardedError = "Not sent: held at a restore, then discarded.";

    /// <summary>How many of each are held now.</summary>
    public sealed record Counts(int Emails, int Webhooks)
    {
        public bool Any => Emails + Webhooks > 0;
    }

    public static async Task<Counts> CountAsync(AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new Counts(
            await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Held, ct),
            await db.WebhookDeliveries.IgnoreQueryFilters().CountAsync(d => d.Status == WebhookDeliveryStatus.Held, ct));
    }

    /// <summary>
    /// Sends every held message on (due now, in their first order) or, when <paramref name="send"/> is false, records
    /// them as not sent (support's e-mail pages and the admins' webhook logs say so), with its audit line, in one write
    /// transaction. Answers how many of each; refuses (<c>HeldMessages.NoneHeld</c>) when nothing is held.
    /// </summary>
    public static async Task<Counts> ReleaseAsync(AppDbContext db, Actor actor, bool send, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var emails = db.OutboxMessages.Where(m => m.Status == OutboxStatus.Held);
        var webhooks = db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.Status == WebhookDeliveryStatus.Held);
        var counts = new Counts(
            await emails.ExecuteUpdateAsync(u =>
            {
                u.Unclaimed();
                if (send)
                {
                    u.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.NextAttemptAtUtc, now);
                }
                else
                {
                    u.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, DiscardedError);
                }
            }, ct),
            await webhooks.ExecuteUpdateAsync(u =>
            {
                u.Unclaimed();
                if (send)
                {
                    u.SetProperty(d => d.Status, WebhookDeliveryStatus.Pending).SetProperty(d => d.NextAttemptAtUtc, now);
                }
                else
                {
                    u.SetProperty(d => d.Status, WebhookDeliveryStatus.Failed).SetProperty(d => d.LastError, WebhookFailure.Discarded);
                }
            }, ct));
        if (!counts.Any)
        {
            throw new DomainException("HeldMessages.NoneHeld", "No message is held.");
        }

        Audit.Record(db, actor, now, AuditActions.HeldMessagesReleased, null, null, AuditDetails.Of(send ? "HeldMessagesSent" : "HeldMessagesDiscarded",
            AuditDetails.Text(counts.Emails.ToString(CultureInfo.InvariantCulture)), AuditDetails.Text(counts.Webhooks.ToString(CultureInfo.InvariantCulture))));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return counts;
    }
}
