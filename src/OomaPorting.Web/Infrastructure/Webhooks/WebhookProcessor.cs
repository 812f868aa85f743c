using Microsoft.Extensions.Options;
using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Email;

namespace OomaPorting.Web.Infrastructure.Webhooks;

/// <summary>
/// Sends what is due of the webhook deliveries. Like the e-mail outbox, safe with several instances on one database:
/// a batch is claimed by one conditional UPDATE before anything is sent, a claim whose deadline passed is taken
/// again, and one of an ended process of this machine at once (<see cref="ClaimHolder"/>). What it adds:
/// <list type="bullet">
/// <item>order: a delivery is due only when no earlier one (by <see cref="WebhookDelivery.Sequence"/>) of the same
/// endpoint and request is still pending, so each receiver hears of a request's changes in the order they happened;</item>
/// <item>isolation: the batch's endpoints are called in parallel (<see cref="WebhookOptions.Parallelism"/>), each
/// endpoint's deliveries one after the other, and every attempt is recorded as soon as it ends, so an endpoint that
/// hangs costs its own deliveries at most the timeout and the others nothing;</item>
/// <item>failure: a non-2xx or no answer is retried with a doubling delay; an endpoint failing for
/// <see cref="WebhookOptions.DisableAfterHours"/> without one success is disabled, its pending deliveries given up, and
/// its account's admins told by e-mail, once.</item>
/// </list>
/// </summary>
public sealed class WebhookProcessor(IServiceScopeFactory scopes, WebhookSender sender, WebhookSecrets secrets, IOptions<WebhookOptions> options,
    TimeProvider time, ILogger<WebhookProcessor> logger)
{
    /// <summary>Takes back the deliveries an ended process of this machine held (<see cref="ClaimHolder"/>): once per pass, before its batches.</summary>
    public async Task<int> TakeBackFromEndedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var takenBack = await ClaimHolder.TakeBackFromEndedAsync(
            db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.Status == WebhookDeliveryStatus.Pending), ct);
        if (takenBack > 0)
        {
            logger.LogWarning("Took back {Count} webhook deliveries held by an ended process of this machine: they are sent now", takenBack);
        }

        return takenBack;
    }

    /// <summary>Claims and sends one batch; answers how many deliveries were attempted.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        List<WebhookDelivery> batch;
        Dictionary<Guid, WebhookEndpoint> endpoints;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var deliveries = db.WebhookDeliveries.IgnoreQueryFilters();
            var due = deliveries
                .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAtUtc <= now && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now)
                    && !deliveries.Any(o => o.EndpointId == d.EndpointId && o.PortRequestId == d.PortRequestId
                        && o.Status == WebhookDeliveryStatus.Pending && o.Sequence < d.Sequence))
                .OrderBy(d => d.NextAttemptAtUtc).ThenBy(d => d.Sequence)
                .Select(d => d.Id)
                .Take(settings.BatchSize);
            var claimed = await deliveries
                .Where(d => due.Contains(d.Id) && d.Status == WebhookDeliveryStatus.Pending && (d.ClaimedUntilUtc == null || d.ClaimedUntilUtc < now))
                .ExecuteUpdateAsync(u => u
                    .SetProperty(d => d.ClaimToken, token)
                    .SetProperty(d => d.ClaimedBy, ClaimHolder.Current)
                    .SetProperty(d => d.ClaimedUntilUtc, now.AddSeconds(settings.ClaimTimeoutSeconds)), ct);
            if (claimed == 0)
            {
                return 0;
            }

            batch = await deliveries.AsNoTracking().Where(d => d.ClaimToken == token).ToListAsync(ct);
            var ids = batch.Select(d => d.EndpointId).Distinct().ToList();
            endpoints = await db.WebhookEndpoints.IgnoreQueryFilters().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        }

        // Two deliveries of one request to one endpoint are never in one batch (the order rule above); those of one
        // endpoint go in sequence order, one at a time.
        var groups = batch.GroupBy(d => d.EndpointId).Select(g => g.OrderBy(d => d.Sequence).ThenBy(d => d.CreatedAtUtc).ToList()).ToList();
        await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism },
            async (group, _) =>
            {
                foreach (var delivery in group)
                {
                    if (ct.IsCancellationRequested)
                    {
                        await ReleaseAsync(delivery.Id);
                        continue;
                    }

                    await AttemptAsync(delivery, endpoints.GetValueOrDefault(delivery.EndpointId), ct);
                }
            });
        return batch.Count;
    }

    private async Task AttemptAsync(WebhookDelivery delivery, WebhookEndpoint? endpoint, CancellationToken ct)
    {
        using var activity = Telemetry.PortalTelemetry.Source.StartActivity("webhook.send");
        activity?.SetTag(Telemetry.PortalTelemetry.WebhookTypeTag, delivery.EventType);
        activity?.SetTag("oomaporting.webhook.attempt", delivery.Attempts + 1);
        WebhookSender.Outcome outcome;
        if (endpoint is null || !endpoint.IsEnabled)
        {
            outcome = new WebhookSender.Outcome(null, 0, WebhookFailure.Disabled);
        }
        else
        {
            string secret;
            try
            {
                secret = secrets.Unprotect(endpoint.SecretCipher);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                // The keys that encrypted it are gone (a data folder restored without them): nothing can be signed.
                logger.LogError(e, "The secret of webhook endpoint {EndpointId} cannot be decrypted; its deliveries are not sent", endpoint.Id);
                secret = string.Empty;
            }

            outcome = secret.Length == 0 ? new WebhookSender.Outcome(null, 0, WebhookFailure.Secret) : await sender.SendAsync(endpoint.Url, secret, delivery, ct);
        }

        if (ct.IsCancellationRequested && outcome.Failure is WebhookFailure.Timeout or WebhookFailure.Connection)
        {
            // Stopping: the attempt was cut short by us, not failed by the endpoint.
            await ReleaseAsync(delivery.Id);
            return;
        }

        await RecordAsync(delivery.Id, outcome);
        activity?.SetTag(Telemetry.PortalTelemetry.OutcomeTag, outcome.Failure is null ? "sent" : "failed");
        Telemetry.PortalTelemetry.Webhooks.Add(1, new KeyValuePair<string, object?>(Telemetry.PortalTelemetry.WebhookTypeTag, delivery.EventType),
            new KeyValuePair<string, object?>(Telemetry.PortalTelemetry.OutcomeTag, outcome.Failure is null ? "sent" : "failed"));
        if (outcome.Failure is not null)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error);
        }
    }

    /// <summary>
    /// Writes the attempt, its delivery's next state and its endpoint's health. A delivery the endpoint took is marked
    /// delivered first, by one UPDATE that goes straight to the database's lock instead of queueing behind the page
    /// writes (<see cref="SqliteWriters"/>), as an e-mail is marked sent: a kill can then fall between the endpoint's
    /// answer and its record only for that short write (the delivery sent again keeps its event and delivery ids).
    /// A failure is written with the endpoint's health in one save.
    /// </summary>
    private async Task RecordAsync(Guid deliveryId, WebhookSender.Outcome outcome)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (outcome.Failure is null)
        {
            await RecordDeliveredAsync(db, deliveryId, outcome);
            return;
        }

        var delivery = await db.WebhookDeliveries.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.Id == deliveryId, CancellationToken.None);
        if (delivery is null)
        {
            // Its endpoint was removed (with its log) while the call was under way: nothing left to record.
            logger.LogInformation("Webhook delivery {DeliveryId} was removed with its endpoint during its attempt", deliveryId);
            return;
        }

        var endpoint = await db.WebhookEndpoints.IgnoreQueryFilters().FirstOrDefaultAsync(e => e.Id == delivery.EndpointId, CancellationToken.None);
        var now = time.GetUtcNow().UtcDateTime;
        var window = TimeSpan.FromHours(settings.DisableAfterHours);
        delivery.ClaimToken = null;
        delivery.ClaimedUntilUtc = null;
        delivery.ClaimedBy = null;
        delivery.LastStatusCode = outcome.StatusCode;
        delivery.LastDurationMs = outcome.DurationMs;
        delivery.LastError = outcome.Failure;
        if (outcome.Failure == WebhookFailure.Disabled)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        delivery.Attempts++;
        delivery.LastAttemptAtUtc = now;
        var disabledNow = endpoint?.RecordFailure(now, window) ?? false;
        if (disabledNow || endpoint?.IsEnabled == false || now - delivery.CreatedAtUtc >= window)
        {
            delivery.Status = WebhookDeliveryStatus.Failed;
            logger.LogWarning("Gave up on {EventType} webhook {DeliveryId} to endpoint {EndpointId} after {Attempts} attempts: {Failure} {StatusCode}",
                delivery.EventType, delivery.Id, delivery.EndpointId, delivery.Attempts, outcome.Failure, outcome.StatusCode);
        }
        else
        {
            var delay = Math.Min(settings.RetryMaxSeconds, settings.RetryBaseSeconds * Math.Pow(2, delivery.Attempts - 1));
            delivery.NextAttemptAtUtc = now.AddSeconds(delay);
            logger.LogWarning("Webhook {DeliveryId} ({EventType}) to endpoint {EndpointId} failed (attempt {Attempts}: {Failure} {StatusCode}), retry in {Delay} s",
                delivery.Id, delivery.EventType, delivery.EndpointId, delivery.Attempts, outcome.Failure, outcome.StatusCode, delay);
        }

        if (disabledNow && endpoint is not null)
        {
            logger.LogError("Disabled webhook endpoint {EndpointId}: no success for {Hours} hours", endpoint.Id, settings.DisableAfterHours);
            await TellAdminsAsync(db, scope.ServiceProvider.GetRequiredService<EmailComposer>(), endpoint, now);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (disabledNow && endpoint is not null)
        {
            await GiveUpPendingAsync(db, endpoint.Id);
        }
    }

    private async Task RecordDeliveredAsync(AppDbContext db, Guid deliveryId, WebhookSender.Outcome outcome)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var marked = await db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.Id == deliveryId).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.Status, WebhookDeliveryStatus.Delivered).SetProperty(d => d.DeliveredAtUtc, now)
            .SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.LastAttemptAtUtc, now)
            .SetProperty(d => d.LastStatusCode, outcome.StatusCode).SetProperty(d => d.LastDurationMs, outcome.DurationMs)
            .SetProperty(d => d.LastError, (string?)null).Unclaimed(), CancellationToken.None);
        if (marked == 0)
        {
            logger.LogInformation("Webhook delivery {DeliveryId} was removed with its endpoint during its attempt", deliveryId);
            return;
        }

        var delivery = await db.WebhookDeliveries.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.Id == deliveryId).Select(d => new { d.EndpointId, d.EventType, d.Attempts }).FirstAsync(CancellationToken.None);
        logger.LogInformation("Delivered {EventType} webhook {DeliveryId} to endpoint {EndpointId} ({StatusCode}, {DurationMs} ms, attempt {Attempts})",
            delivery.EventType, deliveryId, delivery.EndpointId, outcome.StatusCode, outcome.DurationMs, delivery.Attempts);

        // The endpoint's health as WebhookEndpoint.RecordSuccess sets it, in the same straight-to-the-lock way.
        await db.WebhookEndpoints.IgnoreQueryFilters().Where(e => e.Id == delivery.EndpointId).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.LastSuccessAtUtc, now).SetProperty(e => e.FailingSinceUtc, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>Marks the endpoint's pending deliveries given up (it was disabled): they are in its log, to resend.</summary>
    public static Task<int> GiveUpPendingAsync(AppDbContext db, Guid endpointId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.WebhookDeliveries.IgnoreQueryFilters()
            .Where(d => d.EndpointId == endpointId && d.Status == WebhookDeliveryStatus.Pending && d.ClaimToken == null)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, WebhookDeliveryStatus.Failed).SetProperty(d => d.LastError, WebhookFailure.Disabled));
    }

    private async Task ReleaseAsync(Guid deliveryId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await ClaimHolder.ReleaseAsync(db.WebhookDeliveries.IgnoreQueryFilters().Where(d => d.Id == deliveryId), CancellationToken.None);
    }

    /// <summary>One e-mail to each active admin of the account, in their language, saved with the endpoint's new state.</summary>
    private async Task TellAdminsAsync(AppDbContext db, EmailComposer composer, WebhookEndpoint endpoint, DateTime now)
    {
        var admins = Identity.RoleMembers.UserIds(db, Roles.AccountAdmin);
        var recipients = await db.Users.Where(u => u.AccountId == endpoint.AccountId && !u.IsDisabled && u.Email != null && admins.Contains(u.Id))
            .Select(u => new { u.Email, u.PreferredCulture }).AsNoTracking().ToListAsync(CancellationToken.None);
        foreach (var admin in recipients)
        {
            var culture = admin.PreferredCulture == "en" ? "en" : "fr-FR";
            var content = composer.InCulture(culture, t => new EmailContent(
                t["Email.WebhookDisabled.Subject"].Value,
                t["Email.WebhookDisabled.Heading"].Value,
                [t["Email.WebhookDisabled.Body", endpoint.Url, options.Value.DisableAfterHours].Value, t["Email.WebhookDisabled.Do"].Value],
                [],
                $"{composer.PortalUrl}/integrations/webhooks/{endpoint.Id}",
                t["Email.WebhookDisabled.Link"].Value));
            Outbox.Add(db, composer, now, "WebhookDisabled", endpoint.AccountId, null, admin.Email!, culture, content, [],
                dedupKey: $"webhook-disabled:{endpoint.Id:N}:{now.Ticks}");
        }
    }
}
