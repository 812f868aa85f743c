using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Features.TwoFactor;

namespace OomaPorting.Web.Features.MyAccount;

/// <summary>
/// A signed-in user changes their password: the current one first, then the new one twice, under the portal's
/// password rules. Every other session of theirs ends; this one goes on.
/// </summary>
public static class ChangePassword
{
    public sealed class Command : ICommand
    {
        public string CurrentPassword { get; set; } = string.Empty;

        public string NewPassword { get; set; } = string.Empty;

        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage(_ => text["MyAccount.CurrentPassword.Required"])
                .MaximumLength(512).WithMessage(_ => text["MyAccount.CurrentPassword.Wrong"]);
            RuleFor(c => c.NewPassword).NotEmpty().WithMessage(_ => text["Invitation.Password.Required"])
                .MaximumLength(512).WithMessage(_ => text["Invitation.Password.TooLong"]);
            RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage(_ => text["Invitation.Password.Mismatch"]);
        }
    }

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn, ICurrentActor current,
        IStringLocalizer<SharedResource> text, ILogger<Handler> logger) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Actor.UserId) ?? throw new NotFoundException();

            // A wrong current password counts toward the lockout, as at sign-in: the form is no way around it.
            if (await users.IsLockedOutAsync(user) || !await users.CheckPasswordAsync(user, command.CurrentPassword))
            {
                await users.AccessFailedAsync(user);
                throw new ValidationException([new ValidationFailure(nameof(Command.CurrentPassword), text["MyAccount.CurrentPassword.Wrong"])]);
            }

            var changed = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
            if (!changed.Succeeded)
            {
                throw new ValidationException(changed.Errors.Select(e => new ValidationFailure(nameof(Command.NewPassword), e.Description)));
            }

            await users.ResetAccessFailedCountAsync(user);
            await TwoFactorAccount.SignInAgainAsync(signIn, user, current.UsedSecondFactor);
            logger.LogInformation("User {UserId} changed their password; their other sessions ended", user.Id);
            return Unit.Value;
        }
    }
}
