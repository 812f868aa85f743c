using Microsoft.Extensions.Options;
using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Validation;
using OomaPorting.Web.Infrastructure.Webhooks;

namespace OomaPorting.Web.Features.Webhooks;

/// <summary>
/// An account admin registers an address of the integrator's system and the events it receives. Its signing secret is
/// shown once, on the answer to this command; the portal keeps it encrypted. Audited.
/// </summary>
public static class RegisterWebhookEndpoint
{
    public sealed class Command : ICommand<Created>
    {
        public string? Url { get; set; }

        /// <summary>The events picked, one checkbox each.</summary>
        public List<WebhookEvents> Events { get; set; } = [];
    }

    /// <param name="Secret">The signing secret: shown once, never again.</param>
    public sealed record Created(Guid Id, string Url, string Secret);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, IOptions<WebhookOptions> options, WebhookHostResolver hosts)
        {
            var allowLocal = options.Value.AllowLocalTargets;
            RuleFor(c => c.Url).Satisfies(u => WebhookEndpoint.CheckUrl(u, allowLocal), text);

            // A name that resolves into a network is refused now, not at every delivery.
            RuleFor(c => c.Url).MustAsync((u, ct) => hosts.PointsOutsideAsync(u, ct))
                .When(c => !allowLocal && WebhookEndpoint.CheckUrl(c.Url, allowLocal) is null)
                .WithErrorCode("Webhook.Url.Private").WithMessage(_ => text["Error.Webhook.Url.Private"]);
            RuleFor(c => c.Events).Must(e => WebhookEndpoint.CheckEvents(Combine(e)) is null)
                .WithErrorCode("Webhook.Events.Required").WithMessage(_ => text["Error.Webhook.Events.Required"]);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time, WebhookSecrets secrets, IOptions<WebhookOptions> options)
        : ICommandHandler<Command, Created>
    {
        public async ValueTask<Created> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var accountId = current.AccountId ?? throw new NotFoundException();
            var now = time.GetUtcNow().UtcDateTime;
            var existing = await db.WebhookEndpoints.CountAsync(cancellationToken);
            var (endpoint, secret) = WebhookEndpoint.Register(accountId, command.Url, Combine(command.Events), current.Actor, existing,
                options.Value.AllowLocalTargets, now);
            endpoint.KeepSecret(secrets.Protect(secret));
            db.WebhookEndpoints.Add(endpoint);
            Audit.Record(db, current.Actor, now, AuditActions.WebhookRegistered, accountId, null, AuditDetails.Of("WebhookRegistered",
                AuditDetails.Text(endpoint.Url), EventWords(endpoint.Events)));
            await db.SaveChangesAsync(cancellationToken);
            return new Created(endpoint.Id, endpoint.Url, secret);
        }
    }

    /// <summary>The checkboxes' values as one set of flags.</summary>
    public static WebhookEvents Combine(IEnumerable<WebhookEvents>? events) =>
        (events ?? []).Aggregate(WebhookEvents.None, (all, e) => all | e);

    /// <summary>The events of <paramref name="events"/> as the audit trail names them, in each reader's language.</summary>
    public static AuditDetails.Value EventWords(WebhookEvents events) =>
        AuditDetails.Words("Webhooks.Event.", WebhookEventTypes.Each.Where(e => events.HasFlag(e)).Select(e => e.ToString()));
}
