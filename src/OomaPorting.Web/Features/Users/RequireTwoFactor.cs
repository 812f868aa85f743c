using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Users;

/// <summary>
/// An admin requires two-factor sign-in for everyone in the account (or stops requiring it). The admin must use it
/// already (<see cref="Domain.Accounts.Account.RequireTwoFactor"/>). Those who do not are signed out at once and, at
/// their next sign-in, can reach only the set-up page until they have done it.
/// </summary>
public static class RequireTwoFactor
{
    public sealed class Command : ICommand
    {
        public bool Required { get; set; }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current, ILogger<Handler> logger) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var accountId = current.AccountId ?? throw new NotFoundException();
            var account = await db.Accounts.FirstAsync(a => a.Id == accountId, cancellationToken);
            var admin = await users.FindByIdAsync(current.Actor.UserId) ?? throw new NotFoundException();
            account.RequireTwoFactor(command.Required, admin.TwoFactorEnabled);
            await db.SaveChangesAsync(cancellationToken);
            if (command.Required)
            {
                foreach (var user in await db.Users.Where(u => u.AccountId == accountId && !u.TwoFactorEnabled).ToListAsync(cancellationToken))
                {
                    (await users.UpdateSecurityStampAsync(user)).EnsureSucceeded("Two-factor requirement"); // ends their sessions
                }
            }

            logger.LogInformation("Admin {UserId} set two-factor sign-in {Required} for account {AccountId}", admin.Id,
                command.Required ? "required" : "optional", accountId);
            return Unit.Value;
        }
    }
}
