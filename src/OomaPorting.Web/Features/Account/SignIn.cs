using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Account;

/// <summary>
/// Sign-in with e-mail and password; five wrong passwords lock the account for 15 minutes. A user with two-factor
/// sign-in then gives a code (<see cref="SignInWithCode"/>).
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

    public sealed class Handler(SignInManager<AppUser> signIn, UserManager<AppUser> users, AppDbContext db, ILogger<Handler> logger)
        : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var normalized = users.NormalizeEmail(command.Email.Trim());
            var user = await users.Users.FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
            if (user is null)
            {
                logger.LogWarning("Sign-in refused: unknown user");
                return Outcome.Failed;
            }

            if (await SignInBar.IsBarredAsync(db, user, cancellationToken))
            {
                logger.LogWarning("Sign-in refused: user {UserId} or their account is disabled", user.Id);
                return Outcome.Failed;
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
                logger.LogWarning("Sign-in refused: user {UserId} is locked out", user.Id);
                return Outcome.LockedOut;
            }

            logger.LogWarning("Sign-in refused: wrong password for user {UserId}", user.Id);
            return Outcome.Failed;
        }
    }
}
