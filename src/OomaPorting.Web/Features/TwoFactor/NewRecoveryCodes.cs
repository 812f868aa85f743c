using Microsoft.AspNetCore.Identity;

namespace OomaPorting.Web.Features.TwoFactor;

/// <summary>Ten new recovery codes, shown once; the old ones stop working.</summary>
public static class NewRecoveryCodes
{
    public sealed record Command : ICommand<IReadOnlyList<string>>;

    public sealed class Handler(UserManager<AppUser> users, ICurrentActor current, ILogger<Handler> logger) : ICommandHandler<Command, IReadOnlyList<string>>
    {
        public async ValueTask<IReadOnlyList<string>> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await TwoFactorAccount.CurrentAsync(users, current);
            if (!user.TwoFactorEnabled || !current.UsedSecondFactor)
            {
                throw new DomainException("TwoFactor.Off", "Two-factor sign-in is off.");
            }

            var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, TwoFactorAccount.RecoveryCodeCount))!.ToList();
            logger.LogInformation("User {UserId} replaced their recovery codes", user.Id);
            return codes;
        }
    }
}
