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

    /// <summary>The outbox kind of a reset asked for and not yet written (<see cref="Preparer"/>).</summary>
    public const string AskedKind = "PasswordResetAsked";

    /// <summary>
    /// Queues the ask as one outbox row with the address typed, whether or not it has an account: the answer takes the
    /// same work and time either way (an unknown address answered in 3 ms and a known one in 5 before), and the
    /// dispatcher writes the e-mail, or drops the row, when it sends (<see cref="Preparer"/>).
    /// </summary>
    public sealed class Handler(AppDbContext db, TimeProvider time, ILogger<Handler> logger) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            Outbox.AddToPrepare(db, time.GetUtcNow().UtcDateTime, AskedKind, command.Email!.Trim());
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Password reset asked");
            return Unit.Value;
        }
    }

    /// <summary>
    /// Writes the reset e-mail when it is sent: a known, enabled person who has a password and fewer than
    /// <see cref="PerHour"/> links in the last hour gets a new single-use link; for anyone else the ask is dropped.
    /// </summary>
    public sealed class Preparer(UserManager<AppUser> users, TimeProvider time, EmailComposer composer, ILogger<Preparer> logger) : IOutboxPreparer
    {
        public string Kind => AskedKind;

        public async Task<bool> PrepareAsync(AppDbContext db, OutboxMessage message, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(db);
            ArgumentNullException.ThrowIfNull(message);
            var user = await users.FindByEmailAsync(message.Recipient);
            var now = time.GetUtcNow().UtcDateTime;
            if (user is null || user.PasswordHash is null || await SignInBar.IsBarredAsync(db, user, ct))
            {
                logger.LogInformation("Password reset asked for an address with no usable account: nothing sent");
                return false;
            }

            var recent = await db.UserInvitations.CountAsync(i => i.UserId == user.Id && i.CreatedAtUtc > now.AddHours(-1), ct);
            if (recent >= PerHour)
            {
                logger.LogWarning("Password reset for user {UserId} refused: {Count} links in the last hour", user.Id, recent);
                return false;
            }

            var token = await Invitations.IssueAsync(db, user.Id, now, ct, Invitations.ResetLifetime);
            var culture = user.PreferredCulture == "en" ? "en" : "fr-FR";
            var content = composer.InCulture(culture, t => new EmailContent(
                t["Email.PasswordReset.Subject"].Value, t["Email.PasswordReset.Heading", user.DisplayName].Value,
                [t["Email.PasswordReset.Body"].Value, t["Email.PasswordReset.Expires",
                    Display.DateTime(now + Invitations.ResetLifetime, CultureInfo.GetCultureInfo(culture))].Value],
                [], $"{composer.PortalUrl}{Invitations.Path}{token}", t["Email.PasswordReset.Link"].Value)
            { After = [t["Email.PasswordReset.NotYou"].Value] });
            Outbox.Write(message, composer, "PasswordReset", user.Email!, culture, content);
            message.AccountId = user.AccountId;
            logger.LogInformation("Password reset link written for user {UserId}", user.Id);
            return true;
        }
    }
}
