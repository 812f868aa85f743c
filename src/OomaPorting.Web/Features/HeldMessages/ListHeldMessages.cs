using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Webhooks;

namespace OomaPorting.Web.Features.HeldMessages;

/// <summary>Support's "Envois retenus": how many messages a restore held, and the oldest of them.</summary>
public static class ListHeldMessages
{
    /// <summary>At most this many rows of each kind are shown; the counts are whole.</summary>
    public const int Shown = 200;

    public sealed record Query : IQuery<Model>;

    public sealed record EmailRow(string Recipient, string Subject, Guid? PortRequestId, DateTime CreatedAtUtc);

    public sealed record WebhookRow(string EventType, string Url, Guid? PortRequestId, DateTime CreatedAtUtc);

    public sealed record Model(HeldMessages.Counts Counts, IReadOnlyList<EmailRow> Emails, IReadOnlyList<WebhookRow> Webhooks);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Held)
                .OrderBy(m => m.CreatedAtUtc).ThenBy(m => m.Id).Take(Shown)
                .Select(m => new EmailRow(m.Recipient, m.Subject, m.PortRequestId, m.CreatedAtUtc)).ToListAsync(cancellationToken);
            var webhooks = await db.WebhookDeliveries.IgnoreQueryFilters().AsNoTracking().Where(d => d.Status == WebhookDeliveryStatus.Held)
                .OrderBy(d => d.CreatedAtUtc).ThenBy(d => d.Sequence).Take(Shown)
                .Join(db.WebhookEndpoints.IgnoreQueryFilters(), d => d.EndpointId, e => e.Id, (d, e) => new WebhookRow(d.EventType, e.Url, d.PortRequestId, d.CreatedAtUtc))
                .ToListAsync(cancellationToken);

            // Counted apart only when a list is cut (two queries for the page, as a rule).
            var counts = emails.Count < Shown && webhooks.Count < Shown
                ? new HeldMessages.Counts(emails.Count, webhooks.Count)
                : await HeldMessages.CountAsync(db, cancellationToken);
            return new Model(counts, emails, webhooks);
        }
    }
}
