using Microsoft.AspNetCore.Identity;

using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Users;

/// <summary>An admin makes a colleague an admin, or a user again; never the account's last active admin.</summary>
public static class ChangeUserRole
{
    public sealed class Command : ICommand
    {
        public string UserId { get; set; } = string.Empty;

        /// <summary><c>AccountUser</c> or <c>AccountAdmin</c>.</summary>
        public string? Role { get; set; }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            // The user is looked up first: another account's user is not found, whatever else was posted.
            var user = await AccountUsers.LoadAsync(db, current, command.UserId, cancellationToken);
            if (command.Role is not (Roles.AccountUser or Roles.AccountAdmin))
            {
                throw new DomainException("Users.Role.Required", "Choose the role: user or administrator.");
            }

            var makeAdmin = command.Role == Roles.AccountAdmin;
            await AccountUsers.RequireAnAdminRemainsAsync(db, user, staysActiveAdmin: makeAdmin && !user.IsDisabled, cancellationToken);
            var (from, to) = makeAdmin ? (Roles.AccountUser, Roles.AccountAdmin) : (Roles.AccountAdmin, Roles.AccountUser);
            if (await users.IsInRoleAsync(user, to))
            {
                return Unit.Value;
            }

            (await users.RemoveFromRoleAsync(user, from)).EnsureSucceeded("User change");
            (await users.AddToRoleAsync(user, to)).EnsureSucceeded("User change");
            (await users.UpdateSecurityStampAsync(user)).EnsureSucceeded("User change"); // their open sessions carry the old role: they end
            return Unit.Value;
        }
    }
}
