using System.Globalization;
using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Account;

/// <summary>
/// "Mot de passe oublié ?": the same answer whether the address is known or not; a known, enabled person who has a
/// password gets a single-use link valid one hour (at most <see cref="PerHour"/> an hour). Choosing the new password
/// ends every other session of theirs (the security stamp changes).
/// </summary>
public static class ForgotPassword
{
    /// <summary>Reset e-mails per person and hour; beyond, the request is answered the same way and nothing is sent.</summary>
    public const int PerHour = 3;

    public sealed class Command : ICommand
    {
        public string? Email { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => text["SignIn.Email.Required"])
                .Must(EmailAddresses.IsPlain).WithMessage(_ => text["SignIn.Email.Invalid"]);
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, TimeProvider time, EmailComposer composer, ILogger<Handler> logger)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email!.Trim());
            var now = time.GetUtcNow().UtcDateTime;
            if (user is null || user.PasswordHash is null || await SignInBar.IsBarredAsync(db, user, cancellationToken))
            {
                logger.LogInformation("Password reset asked for an address with no usable account");
                return Unit.Value;
            }

            var recent = await db.UserInvitations.CountAsync(i => i.UserId == user.Id && i.CreatedAtUtc > now.AddHours(-1), cancellationToken);
            if (recent >= PerHour)
            {
                logger.LogWarning("Password reset for user {UserId} refused: {Count} links in the last hour", user.Id, recent);
                return Unit.Value;
            }

            var token = await Invitations.IssueAsync(db, user.Id, now, cancellationToken, Invitations.ResetLifetime);
            var culture = user.PreferredCulture == "en" ? "en" : "fr-FR";
            var content = composer.InCulture(culture, t => new EmailContent(
                t["Email.PasswordReset.Subject"].Value, t["Email.PasswordReset.Heading", user.DisplayName].Value,
                [t["Email.PasswordReset.Body"].Value, t["Email.PasswordReset.Expires",
                    Display.DateTime(now + Invitations.ResetLifetime, CultureInfo.GetCultureInfo(culture))].Value],
                [], $"{composer.PortalUrl}{Invitations.Path}{token}", t["Email.PasswordReset.Link"].Value)
            { After = [t["Email.PasswordReset.NotYou"].Value] });
            Outbox.Add(db, composer, now, "PasswordReset", user.AccountId, null, user.Email!, culture, content, []);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Password reset link sent to user {UserId}", user.Id);
            return Unit.Value;
        }
    }
}
