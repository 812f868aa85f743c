using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.TwoFactor;

/// <summary>
/// A customer turns two-factor sign-in off, with a current code: never a support agent, never a user of an account
/// that requires it. The key and recovery codes are dropped; every session of the user ends but this one.
/// </summary>
public static class DisableTwoFactor
{
    public sealed class Command : ICommand
    {
        public string? Code { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(c => c.Code).NotEmpty().WithMessage(_ => text["TwoFactor.Code.Required"])
                .MaximumLength(20).WithMessage(_ => text["TwoFactor.Code.Wrong"]);
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, ICurrentActor current,
        IStringLocalizer<SharedResource> text, ILogger<Handler> logger) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (user, required) = await TwoFactorAccount.CurrentWithRequirementAsync(db, current, cancellationToken);
            if (!user.TwoFactorEnabled)
            {
                throw new DomainException("TwoFactor.Off", "Two-factor sign-in is off.");
            }

            if (required)
            {
                throw new DomainException("TwoFactor.Required", "Two-factor sign-in is required for this user.");
            }

            if (!await TwoFactorAccount.CheckCodeAsync(users, user, command.Code))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Code), text["TwoFactor.Code.Wrong"])]);
            }

            await TwoFactorReset.TurnOffAsync(users, user);
            await TwoFactorAccount.SignInAgainAsync(signIn, user, secondFactor: false);
            logger.LogInformation("User {UserId} turned two-factor sign-in off", user.Id);
            return Unit.Value;
        }
    }
}
