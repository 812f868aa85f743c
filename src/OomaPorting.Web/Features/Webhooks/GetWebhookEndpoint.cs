using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Webhooks;

namespace OomaPorting.Web.Features.Webhooks;

/// <summary>
/// One endpoint of the account and its delivery log, newest first, a page at a time (<see cref="PageSize"/>, then
/// "older" by an opaque cursor): each delivery's event, request, state, attempts, last answer and its time.
/// </summary>
public static class GetWebhookEndpoint
{
    public const int PageSize = 50;

    public sealed record Query(Guid Id, string? Before = null) : IQuery<Model>;

    public sealed record Model(ListWebhookEndpoints.Row Endpoint, IReadOnlyList<Delivery> Deliveries, string? Older);

    public sealed record Delivery(Guid Id, string EventType, Guid? PortRequestId, string? Reference, DateTime CreatedAtUtc, WebhookDeliveryStatus Status,
        int Attempts, DateTime? LastAttemptAtUtc, int? LastStatusCode, int? LastDurationMs, string? LastError, DateTime? NextAttemptAtUtc, bool Resent);

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, Model>
    {
        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var endpoint = await db.WebhookEndpoints.AsNoTracking().Where(e => e.Id == query.Id)
                .Select(e => new ListWebhookEndpoints.Row(e.Id, e.Url, e.Events, e.SecretHint, e.CreatedAtUtc, e.DisabledAtUtc, e.DisabledReason,
                    e.FailingSinceUtc, e.LastSuccessAtUtc, db.WebhookDeliveries.Count(d => d.EndpointId == e.Id && d.Status == WebhookDeliveryStatus.Pending)))
                .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
            var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpoint.Id);
            if (KeysetCursor.TryRead(query.Before, out _, out var ticks, out var lastId))
            {
                var created = new DateTime(ticks, DateTimeKind.Utc);
                deliveries = deliveries.Where(d => d.CreatedAtUtc < created || (d.CreatedAtUtc == created && d.Id.CompareTo(lastId) < 0));
            }

            var rows = await deliveries.OrderByDescending(d => d.CreatedAtUtc).ThenByDescending(d => d.Id).Take(PageSize + 1)
                .Select(d => new Delivery(d.Id, d.EventType, d.PortRequestId,
                    db.PortRequests.Where(r => r.Id == d.PortRequestId).Select(r => r.Reference).FirstOrDefault(),
                    d.CreatedAtUtc, d.Status, d.Attempts, d.LastAttemptAtUtc, d.LastStatusCode, d.LastDurationMs, d.LastError,
                    d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAtUtc : null, d.ResentFromId != null))
                .ToListAsync(cancellationToken);
            var page = rows.Take(PageSize).ToList();
            return new Model(endpoint, page, rows.Count > PageSize ? KeysetCursor.Write(0, page[^1].CreatedAtUtc.Ticks, page[^1].Id) : null);
        }
    }
}
