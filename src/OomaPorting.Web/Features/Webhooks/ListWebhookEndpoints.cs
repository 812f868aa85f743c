using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Webhooks;

namespace OomaPorting.Web.Features.Webhooks;

/// <summary>The account's webhook endpoints, oldest first, with their health and what waits for them (never their secret).</summary>
public static class ListWebhookEndpoints
{
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    /// <param name="Pending">Deliveries waiting to be sent or retried.</param>
    public sealed record Row(Guid Id, string Url, WebhookEvents Events, string SecretHint, DateTime CreatedAtUtc, DateTime? DisabledAtUtc,
        string? DisabledReason, DateTime? FailingSinceUtc, DateTime? LastSuccessAtUtc, int Pending)
    {
        public bool IsEnabled => DisabledAtUtc is null;
    }

    public sealed class Handler(AppDbContext db) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken) =>
            await db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAtUtc)
                .Select(e => new Row(e.Id, e.Url, e.Events, e.SecretHint, e.CreatedAtUtc, e.DisabledAtUtc, e.DisabledReason, e.FailingSinceUtc,
                    e.LastSuccessAtUtc, db.WebhookDeliveries.Count(d => d.EndpointId == e.Id && d.Status == WebhookDeliveryStatus.Pending)))
                .Take(WebhookEndpoint.MaxPerAccount * 2)
                .ToListAsync(cancellationToken);
    }
}
