using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.TwoFactor;

/// <summary>
/// Turns two-factor sign-in on once the user proves their app computes the right code; answers ten single-use
/// recovery codes, shown once. Every other session of the user ends; this one goes on as a two-factor session.
/// </summary>
public static class EnableTwoFactor
{
    public sealed class Command : ICommand<IReadOnlyList<string>>
    {
        public string? Code { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(c => c.Code).NotEmpty().WithMessage(_ => text["TwoFactor.Code.Required"])
                .MaximumLength(20).WithMessage(_ => text["TwoFactor.Code.Wrong"]);
    }

    public sealed class Handler(UserManager<AppUser> users, SignInManager<AppUser> signIn, ICurrentActor current,
        IStringLocalizer<SharedResource> text, ILogger<Handler> logger) : ICommandHandler<Command, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await TwoFactorAccount.CurrentAsync(users, current);
            if (user.TwoFactorEnabled)
            {
                throw new DomainException("TwoFactor.AlreadyOn", "Two-factor sign-in is already on.");
            }

            if (!await TwoFactorAccount.CheckCodeAsync(users, user, command.Code))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Code), text["TwoFactor.Code.Wrong"])]);
            }

            (await users.SetTwoFactorEnabledAsync(user, true)).EnsureSucceeded("Two-factor set-up");
            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorAccount.RecoveryCodeCount))!.ToList();
            await TwoFactorAccount.SignInAgainAsync(signIn, user, secondFactor: true);
            logger.LogInformation("User {UserId} turned two-factor sign-in on", user.Id);
            return codes;
        }
    }
}
