using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.TwoFactor;

/// <summary>
/// A person lost their phone and their recovery codes: a support administrator turns their two-factor sign-in off
/// (after checking who is asking, outside the portal). Their sessions end; at their next sign-in, a person who must
/// use it sets it up again. Never one's own. Audited.
/// </summary>
public static class ResetTwoFactor
{
    /// <param name="AccountId">The person's account as the page showed it; null for a support agent. A mismatch is not found.</param>
    public sealed record Command(string UserId, Guid? AccountId) : ICommand;

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current, TimeProvider time, ILogger<Handler> logger)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId && u.AccountId == command.AccountId, cancellationToken)
                ?? throw new NotFoundException();
            if (user.Id == current.Actor.UserId)
            {
                throw new DomainException("TwoFactor.NotYourself", "Another administrator resets your own two-factor sign-in.");
            }

            if (!user.TwoFactorEnabled)
            {
                throw new DomainException("TwoFactor.Off", "Two-factor sign-in is off.");
            }

            Audit.Record(db, current.Actor, time.GetUtcNow().UtcDateTime, AuditActions.TwoFactorReset, user.AccountId, user.Id,
                $"{user.DisplayName} <{user.Email}>");
            await TwoFactorReset.TurnOffAsync(users, user); // saves the audit line with the change
            logger.LogWarning("Support administrator {AgentId} reset the two-factor sign-in of user {UserId}", current.Actor.UserId, user.Id);
            return Unit.Value;
        }
    }
}
