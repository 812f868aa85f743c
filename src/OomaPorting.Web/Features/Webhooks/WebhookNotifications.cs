using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Webhooks;

namespace OomaPorting.Web.Features.Webhooks;

/// <summary>
/// Which change of a port request is a webhook event, and for which endpoints: called by the interceptor in the
/// <c>SaveChanges</c> that records the change (beside the e-mails), so a delivery is committed with its change or not
/// at all. Each event gets the next <see cref="WebhookDelivery.Sequence"/> of its request and one delivery per endpoint
/// of the account that picked it. The events:
/// <list type="bullet">
/// <item>Submitted, Resubmitted; FOC set; FOC moved (also a failed test call with a new date); sent back (by support, or
/// a failed test call that needs the customer); test call started; completed (the test call passed, or the last
/// numbers were settled); cancelled (not a draft's deletion); numbers refused while the others go ahead;</item>
/// <item>a message from support (never an internal note).</item>
/// </list>
/// Nothing is read or written when the account has no endpoint taking the event.
/// </summary>
public sealed class WebhookNotifications(TimeProvider time) : IChangeNotifications
{
    public async ValueTask WriteAsync(AppDbContext db, IReadOnlyList<PortRequestEvent> events, IReadOnlyList<PortRequestMessage> messages,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(messages);
        var happened = new List<(Guid RequestId, Guid AccountId, WebhookEvents Kind, PortRequestMessage? Message)>();
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            if (Classify(e.Kind, e.FromStatus, e.ToStatus) is var kind and not WebhookEvents.None)
            {
                happened.Add((e.PortRequestId, e.AccountId, kind, null));
            }
        }

        foreach (var m in messages.Where(m => !m.IsInternal && m.AuthorRole == ActorRole.Support).OrderBy(m => m.SentAtUtc))
        {
            happened.Add((m.PortRequestId, m.AccountId, WebhookEvents.SupportMessage, m));
        }

        if (happened.Count == 0)
        {
            return;
        }

        var accounts = happened.Select(h => h.AccountId).Distinct().ToList();
        var endpoints = await db.WebhookEndpoints.IgnoreQueryFilters().AsNoTracking()
            .Where(e => accounts.Contains(e.AccountId) && e.DisabledAtUtc == null).ToListAsync(ct);
        if (!happened.Any(h => endpoints.Any(e => e.AccountId == h.AccountId && e.Wants(h.Kind))))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var forRequest in happened.GroupBy(h => h.RequestId))
        {
            var listeners = endpoints.Where(e => e.AccountId == forRequest.First().AccountId).ToList();
            if (!forRequest.Any(h => listeners.Any(e => e.Wants(h.Kind))))
            {
                continue;
            }

            var request = await RequestAsync(db, forRequest.Key, ct);
            if (request is null)
            {
                continue;
            }

            var sequence = await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.PortRequestId == request.Id).MaxAsync(d => (long?)d.Sequence, ct) ?? 0;
            var summary = await SummaryAsync(db, request, now, ct);
            foreach (var (_, _, kind, message) in forRequest)
            {
                var wanting = listeners.Where(e => e.Wants(kind)).ToList();
                if (wanting.Count == 0)
                {
                    continue;
                }

                sequence++;
                var eventId = Guid.CreateVersion7(now);
                var payload = new WebhookPayload(eventId, WebhookEventTypes.NameOf(kind), now, sequence, new WebhookPayload.Content(
                    summary,
                    message is null ? null : new WebhookPayload.MessageInfo(message.Id, "support", message.AuthorName, message.SentAtUtc, message.Body),
                    kind == WebhookEvents.NumbersRefused ? RefusedNow(db, request.Id) : null,
                    null)).ToJson();
                foreach (var endpoint in wanting)
                {
                    db.WebhookDeliveries.Add(New(endpoint, eventId, request.Id, sequence, WebhookEventTypes.NameOf(kind), payload, now));
                }
            }
        }
    }

    /// <summary>A delivery of <paramref name="payload"/> to <paramref name="endpoint"/>, due now.</summary>
    public static WebhookDelivery New(WebhookEndpoint endpoint, Guid eventId, Guid? requestId, long sequence, string type, string payload, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new WebhookDelivery
        {
            Id = Guid.CreateVersion7(nowUtc),
            EventId = eventId,
            EndpointId = endpoint.Id,
            AccountId = endpoint.AccountId,
            PortRequestId = requestId,
            Sequence = sequence,
            EventType = type,
            CreatedAtUtc = nowUtc,
            Payload = payload,
            Status = WebhookDeliveryStatus.Pending,
            NextAttemptAtUtc = nowUtc,
        };
    }

    /// <summary>The event a recorded change (its kind, and the statuses it moved between) is for integrators, or <see cref="WebhookEvents.None"/>.</summary>
    public static WebhookEvents Classify(PortRequestEventKind kind, PortRequestStatus from, PortRequestStatus to) =>
        kind switch
        {
            PortRequestEventKind.Submitted => WebhookEvents.Submitted,
            PortRequestEventKind.Resubmitted => WebhookEvents.Resubmitted,
            PortRequestEventKind.FocDateSet => WebhookEvents.FocSet,
            PortRequestEventKind.FocDateMoved => WebhookEvents.FocMoved,
            PortRequestEventKind.TestCallFailed when to == PortRequestStatus.FocConfirmed => WebhookEvents.FocMoved,
            PortRequestEventKind.ActionRequired => WebhookEvents.SentBack,
            PortRequestEventKind.TestCallFailed when to == PortRequestStatus.ActionRequired => WebhookEvents.SentBack,
            PortRequestEventKind.TestCallStarted => WebhookEvents.TestCallStarted,
            PortRequestEventKind.TestCallPassed => WebhookEvents.Completed,
            PortRequestEventKind.TestCallFailed or PortRequestEventKind.NumbersRefused when to == PortRequestStatus.Completed => WebhookEvents.Completed,
            PortRequestEventKind.NumbersRefused => WebhookEvents.NumbersRefused,
            PortRequestEventKind.NumbersWithdrawn => WebhookEvents.NumbersWithdrawn,
            PortRequestEventKind.Cancelled when from != PortRequestStatus.Draft => WebhookEvents.Cancelled,
            _ => WebhookEvents.None,
        };

    private static async Task<PortRequest?> RequestAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        db.ChangeTracker.Entries<PortRequest>().Select(x => x.Entity).FirstOrDefault(r => r.Id == id)
        ?? await db.PortRequests.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>
    /// The request as it stands once this save is done: its own fields from the tracked entity, its numbers counted in
    /// the database and corrected by the lines this save adds or changes (a 1,000-number request is never loaded).
    /// </summary>
    private static async Task<WebhookPayload.Request> SummaryAsync(AppDbContext db, PortRequest r, DateTime nowUtc, CancellationToken ct)
    {
        var stored = await db.PortLines.IgnoreQueryFilters().Where(l => l.PortRequestId == r.Id)
            .GroupBy(l => new { l.Status, l.FailedTestCall }).Select(g => new { g.Key.Status, g.Key.FailedTestCall, Count = g.Count() }).ToListAsync(ct);
        var counts = new Dictionary<NumberOutcome, int>();
        foreach (var group in stored)
        {
            Count(counts, NumberOutcomes.Of(group.Status, group.FailedTestCall), group.Count);
        }

        string? main = null;
        foreach (var entry in db.ChangeTracker.Entries<PortLine>().Where(x => x.Entity.PortRequestId == r.Id))
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                Count(counts, NumberOutcomes.Of(entry.Property(l => l.Status).OriginalValue, entry.Property(l => l.FailedTestCall).OriginalValue), -1);
            }

            if (entry.State is EntityState.Modified or EntityState.Added)
            {
                Count(counts, entry.Entity.Outcome, +1);
            }

            if (entry.Entity.Position == 0 && entry.State != EntityState.Deleted)
            {
                main = entry.Entity.Number.E164;
            }
        }

        main ??= (await db.PortLines.IgnoreQueryFilters().Where(l => l.PortRequestId == r.Id && l.Position == 0).Select(l => l.Number).FirstOrDefaultAsync(ct))?.E164;
        var self = $"/api/v1/port-requests/{r.Id}";
        return new WebhookPayload.Request(r.Id, r.Reference, r.Status, r.WhoseTurn(BusinessCalendar.DateInFrance(nowUtc)), r.NumberType, r.CarrierCode, main, counts.Values.Sum(),
            counts.Where(c => c.Value > 0).OrderBy(c => c.Key).ToDictionary(c => Camel(c.Key.ToString()), c => c.Value),
            r.FocDate, r.CreatedAtUtc, r.UpdatedAtUtc, r.SubmittedAtUtc, r.CompletedAtUtc, r.CancelledAtUtc,
            r.Status == PortRequestStatus.ActionRequired ? r.ActionMessage : null,
            r.Status == PortRequestStatus.ActionRequired ? r.ActionReasons : [],
            r.FollowUpOfId, r.Version, new WebhookPayload.Links(self, $"/portage/{r.Id}"));
    }

    private static List<WebhookPayload.RefusedNumber> RefusedNow(AppDbContext db, Guid requestId) =>
        [.. db.ChangeTracker.Entries<PortLine>()
            .Where(x => x.Entity.PortRequestId == requestId && x.Entity.Status == PortLineStatus.Refused
                && (x.State == EntityState.Added || (x.State == EntityState.Modified && x.Property(l => l.Status).OriginalValue != PortLineStatus.Refused)))
            .Select(x => x.Entity).OrderBy(l => l.Position)
            .Select(l => new WebhookPayload.RefusedNumber(l.Number.E164, l.Number.Display, l.RefusalReason, l.RefusalComment))];

    private static void Count(Dictionary<NumberOutcome, int> counts, NumberOutcome outcome, int by) =>
        counts[outcome] = counts.GetValueOrDefault(outcome) + by;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
