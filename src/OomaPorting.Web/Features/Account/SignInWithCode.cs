using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Account;

/// <summary>
/// The second step of sign-in for a user with two-factor sign-in: the 6-digit code of their authenticator app, or one
/// of their recovery codes (each works once). Wrong codes count toward the same lockout as wrong passwords.
/// </summary>
public static class SignInWithCode
{
    public enum Outcome
    {
        Succeeded,
        Failed,
        LockedOut,

        /// <summary>The password step is too old (five minutes) or was never done: start again.</summary>
        Expired,
    }

    public sealed class Command : ICommand<Outcome>
    {
        public string? Code { get; set; }

        public string? ReturnUrl { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Code).NotEmpty().WithMessage(_ => text["SignInCode.Required"])
                .MaximumLength(40).WithMessage(_ => text["SignInCode.Failed"]);
        }
    }

    public sealed class Handler(SignInManager<AppUser> signIn, UserManager<AppUser> users, ILogger<Handler> logger) : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var user = await signIn.GetTwoFactorAuthenticationUserAsync();
            if (user is null)
            {
                return Outcome.Expired;
            }

            var code = AuthenticatorCodes.Normalize(command.Code);
            var result = code is not null
                ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(PortalUserStore.Normalize(command.Code!));
            if (result.Succeeded)
            {
                logger.LogInformation("User {UserId} of account {AccountId} signed in with a {Kind} code", user.Id, user.AccountId,
                    code is null ? "recovery" : "authenticator");
                return Outcome.Succeeded;
            }

            if (result.IsLockedOut)
            {
                logger.LogWarning("Two-factor sign-in refused: user {UserId} is locked out", user.Id);
                return Outcome.LockedOut;
            }

            // Identity counts a wrong authenticator code toward the lockout, not a wrong recovery code: that one is counted here.
            if (code is null)
            {
                await users.AccessFailedAsync(user);
                if (await users.IsLockedOutAsync(user))
                {
                    logger.LogWarning("Two-factor sign-in refused: user {UserId} is now locked out", user.Id);
                    return Outcome.LockedOut;
                }
            }

            logger.LogWarning("Two-factor sign-in refused: wrong code for user {UserId}", user.Id);
            return Outcome.Failed;
        }
    }
}
