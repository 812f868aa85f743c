using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Webhooks;

namespace OomaPorting.Web.Features.Webhooks;

/// <summary>
/// An account admin changes an endpoint: the events it receives, or stops it (what was pending is given up and stays
/// in its log, to resend), or starts it again. Audited.
/// </summary>
public static class ChangeWebhookEndpoint
{
    public enum Change
    {
        Events,
        Disable,
        Enable,
    }

    public sealed class Command : ICommand
    {
        public Guid Id { get; set; }

        public Change Action { get; set; }

        /// <summary>For <see cref="Change.Events"/>.</summary>
        public List<WebhookEvents> Events { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Events).Must(e => WebhookEndpoint.CheckEvents(RegisterWebhookEndpoint.Combine(e)) is null)
                .When(c => c.Action == Change.Events)
                .WithErrorCode("Webhook.Events.Required").WithMessage(_ => text["Error.Webhook.Events.Required"]);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
            var now = time.GetUtcNow().UtcDateTime;
            switch (command.Action)
            {
                case Change.Events:
                    endpoint.ChangeEvents(RegisterWebhookEndpoint.Combine(command.Events), current.Actor);
                    break;
                case Change.Disable:
                    endpoint.Disable(current.Actor, now);
                    break;
                default:
                    endpoint.Enable(current.Actor);
                    break;
            }

            Audit.Record(db, current.Actor, now, AuditActions.WebhookChanged, endpoint.AccountId, null, AuditDetails.Of("WebhookChanged",
                AuditDetails.Text(endpoint.Url), AuditDetails.Word("Audit.Details.Webhook.", command.Action.ToString()), RegisterWebhookEndpoint.EventWords(endpoint.Events)));
            await db.SaveChangesAsync(cancellationToken);
            if (command.Action == Change.Disable)
            {
                await WebhookProcessor.GiveUpPendingAsync(db, endpoint.Id);
            }

            return Unit.Value;
        }
    }
}
