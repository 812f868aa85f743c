using Microsoft.AspNetCore.Identity;

using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Users;

/// <summary>
/// An admin disables a colleague (they can no longer sign in, their sessions end, their numbers and history stay) or
/// re-enables them; never the account's last active admin, never oneself.
/// </summary>
public static class SetUserAccess
{
    public sealed class Command : ICommand
    {
        public string UserId { get; set; } = string.Empty;

        public bool Enabled { get; set; }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await AccountUsers.LoadAsync(db, current, command.UserId, cancellationToken);
            if (!command.Enabled && user.Id == current.Actor.UserId)
            {
                throw new DomainException("Users.NotYourself", "An admin cannot disable themselves.");
            }

            if (!command.Enabled)
            {
                await AccountUsers.RequireAnAdminRemainsAsync(db, user, staysActiveAdmin: false, cancellationToken);
            }

            user.IsDisabled = !command.Enabled;
            (await users.UpdateSecurityStampAsync(user)).EnsureSucceeded("User change"); // saves, and ends every session of theirs
            return Unit.Value;
        }
    }
}
