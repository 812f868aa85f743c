using OomaPorting.Web.Infrastructure.Identity;
using System.Globalization;
using OomaPorting.Web.Infrastructure.Email;

namespace OomaPorting.Web.Features.Users;

/// <summary>A new invitation link for a colleague who has not chosen a password yet; the older link stops working.</summary>
public static class ResendInvitation
{
    public sealed class Command : ICommand
    {
        public string UserId { get; set; } = string.Empty;
    }

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time, EmailComposer composer) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await AccountUsers.LoadAsync(db, current, command.UserId, cancellationToken);
            if (user.PasswordHash is not null || user.IsDisabled)
            {
                throw new DomainException("Users.NotInvited", "Only an invited, enabled person can get a new link.");
            }

            var company = await db.Accounts.Where(a => a.Id == user.AccountId).Select(a => a.CompanyName).FirstAsync(cancellationToken);
            var culture = user.PreferredCulture == "en" ? "en" : "fr-FR";
            await InvitationEmail.SendAsync(db, composer, user, current.Actor.DisplayName, company, culture, time.GetUtcNow().UtcDateTime, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
