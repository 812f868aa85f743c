using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.CustomerAccounts;

/// <summary>Support sends an invited customer a new link (the old one stops working). Audited.</summary>
public static class ResendCustomerInvitation
{
    public sealed record Command(Guid AccountId, string UserId) : ICommand;

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time, EmailComposer composer) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId && u.AccountId == command.AccountId, cancellationToken)
                ?? throw new NotFoundException();
            if (user.PasswordHash is not null || user.IsDisabled)
            {
                throw new DomainException("Users.NotInvited", "Only an invited, enabled person can get a new link.");
            }

            var company = await db.Accounts.IgnoreQueryFilters().Where(a => a.Id == command.AccountId).Select(a => a.CompanyName).FirstAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            await InvitationEmail.SendAsync(db, composer, user, current.Actor.DisplayName, company, user.PreferredCulture == "en" ? "en" : "fr-FR", now,
                cancellationToken);
            Audit.Record(db, current.Actor, now, AuditActions.InvitationResent, command.AccountId, user.Id, $"{user.DisplayName} <{user.Email}>");
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
