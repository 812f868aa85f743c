using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Features.Integrations;

/// <summary>
/// An account admin makes an API key for an integrator's tool: a name, read-only or read-write, an optional last day.
/// The whole key is shown once, on the answer to this command; only its hash is stored. Audited.
/// </summary>
public static class CreateApiKey
{
    public sealed class Command : ICommand<Created>
    {
        public string? Name { get; set; }

        /// <summary><see cref="ApiKeyRole.Read"/> or <see cref="ApiKeyRole.ReadWrite"/>.</summary>
        public ApiKeyRole? Role { get; set; }

        /// <summary>The last day the key works (it stops at midnight in France), or none.</summary>
        public DateOnly? ExpiresOn { get; set; }
    }

    /// <param name="Secret">The whole key: shown once, never stored.</param>
    public sealed record Created(Guid Id, string Name, ApiKeyRole Role, DateTime? ExpiresAtUtc, string Secret);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, TimeProvider time)
        {
            RuleFor(c => c.Name).Satisfies(ApiKey.CheckName, text);
            RuleFor(c => c.Role).NotNull().WithMessage(_ => text["Error.ApiKey.Role.Required"])
                .IsInEnum().WithMessage(_ => text["Error.ApiKey.Role.Required"]);
            RuleFor(c => c.ExpiresOn)
                .Must(d => ApiKey.CheckExpiry(d, BusinessCalendar.DateInFrance(time.GetUtcNow().UtcDateTime)) is null)
                .WithMessage((_, d) => text["Error." + ApiKey.CheckExpiry(d, BusinessCalendar.DateInFrance(time.GetUtcNow().UtcDateTime))]);
        }
    }

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<Command, Created>
    {
        public async ValueTask<Created> Handle(Command command, CancellationToken cancellationToken)
        {
            var accountId = current.AccountId ?? throw new NotFoundException();
            var now = time.GetUtcNow().UtcDateTime;
            var active = await db.ApiKeys.CountAsync(k => k.RevokedAtUtc == null && (k.ExpiresAtUtc == null || k.ExpiresAtUtc > now), cancellationToken);
            var expiresAtUtc = command.ExpiresOn is { } last ? BusinessCalendar.StartOfDayInFranceUtc(last.AddDays(1)) : (DateTime?)null;
            var (key, secret) = ApiKey.Issue(accountId, command.Name, command.Role ?? 0, command.ExpiresOn, expiresAtUtc, current.Actor, active,
                BusinessCalendar.DateInFrance(now), now);
            db.ApiKeys.Add(key);
            var named = AuditDetails.Text($"{key.Hint} « {key.Name} »");
            var role = AuditDetails.Word("Integrations.Role.", key.Role.ToString());
            Audit.Record(db, current.Actor, now, AuditActions.ApiKeyCreated, accountId, null, command.ExpiresOn is { } until
                ? AuditDetails.Of("ApiKeyCreatedUntil", named, role, AuditDetails.Text(until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
                : AuditDetails.Of("ApiKeyCreated", named, role));
            await db.SaveChangesAsync(cancellationToken);
            return new Created(key.Id, key.Name, key.Role, key.ExpiresAtUtc, secret);
        }
    }
}
