using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Account;

/// <summary>
/// Sign-in with e-mail and password; five wrong passwords lock the account for 15 minutes, and its owner is told by
/// e-mail. A user with two-factor sign-in then gives a code (<see cref="SignInWithCode"/>). An unknown, disabled or
/// locked address costs one password check too (<see cref="DecoyPassword"/>) and the page says the same for all of
/// them: the answer never tells who has an account.
/// </summary>
public static class SignIn
{
    public enum Outcome
    {
        Succeeded,
        Failed,
        LockedOut,
        RequiresTwoFactor,
    }

    public sealed class Command : ICommand<Outcome>
    {
        public string Email { get; set; } = string.Empty;

        public string Password { get; set; } = string.Empty;

        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => text["SignIn.Email.Required"])
                .MaximumLength(256).WithMessage(_ => text["SignIn.Email.Invalid"])
                .EmailAddress().WithMessage(_ => text["SignIn.Email.Invalid"]);
            RuleFor(c => c.Password).NotEmpty().WithMessage(_ => text["SignIn.Password.Required"])
                .MaximumLength(512).WithMessage(_ => text["SignIn.Failed"]);
        }
    }

    public sealed class Handler(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db, DecoyPassword decoy,
        EmailComposer composer, TimeProvider time, ILogger<Handler> logger)
        : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var normalized = users.NormalizeEmail(command.Email.Trim());
            var user = await users.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
            if (user is null)
            {
                decoy.Check(command.Password);
                logger.LogWarning("Sign-in refused: unknown user");
                return Outcome.Failed;
            }

            if (await SignInBar.IsBarredAsync(db, user, cancellationToken))
            {
                decoy.Check(command.Password);
                logger.LogWarning("Sign-in refused: user {UserId} or their account is disabled", user.Id);
                return Outcome.Failed;
            }

            // Identity answers a locked user without checking the password: the check is spent here instead.
            if (await users.IsLockedOutAsync(user))
            {
                decoy.Check(command.Password);
                logger.LogWarning("Sign-in refused: user {UserId} is locked out", user.Id);
                return Outcome.LockedOut;
            }

            var result = await signIn.PasswordSignInAsync(user, command.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                logger.LogInformation("User {UserId} of account {AccountId} signed in", user.Id, user.AccountId);
                return Outcome.Succeeded;
            }

            if (result.RequiresTwoFactor)
            {
                logger.LogInformation("User {UserId} gave the right password; a two-factor code is asked", user.Id);
                return Outcome.RequiresTwoFactor;
            }

            if (result.IsLockedOut)
            {
                // This wrong password started the lockout: the address's owner hears of it (the page does not say it).
                var culture = user.PreferredCulture == "en" ? "en" : "fr-FR";
                var content = composer.InCulture(culture, t => new EmailContent(
                    t["Email.SignInLocked.Subject"].Value, t["Email.PasswordReset.Heading", user.DisplayName].Value,
                    [t["Email.SignInLocked.Body"].Value, t["Email.SignInLocked.NotYou"].Value],
                    [], $"{composer.PortalUrl}/compte/mot-de-passe-oublie", t["Email.SignInLocked.Link"].Value));
                Outbox.Add(db, composer, time.GetUtcNow().UtcDateTime, "SignInLocked", user.AccountId, null, user.Email!, culture, content, []);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogWarning("Sign-in refused: user {UserId} is now locked out after repeated wrong passwords", user.Id);
                return Outcome.LockedOut;
            }

            logger.LogWarning("Sign-in refused: wrong password for user {UserId}", user.Id);
            return Outcome.Failed;
        }
    }
}
