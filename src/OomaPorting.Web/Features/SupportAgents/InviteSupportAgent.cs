using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Identity;
using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Features.SupportAgents;

/// <summary>
/// A support administrator invites an agent: name, e-mail, and whether they administer support too. The agent gets a
/// single-use link (7 days) to choose a password, then must set up two-factor sign-in. Audited.
/// </summary>
public static class InviteSupportAgent
{
    public sealed class Command : ICommand
    {
        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public bool IsAdmin { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.DisplayName).Satisfies(v => DomainText.PersonNameProblem(v, "User.Name", 200), text);
            RuleFor(c => c.Email).NotEmpty().WithMessage(_ => text["Users.Email.Required"])
                .Must(EmailAddresses.IsPlain).WithMessage(_ => text["Users.Email.Invalid"]);
        }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current, TimeProvider time, EmailComposer composer,
        IStringLocalizer<SharedResource> text) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var email = command.Email!.Trim();
            if (await users.FindByEmailAsync(email) is not null)
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Email), text["Users.Email.Taken"])]);
            }

            var now = time.GetUtcNow().UtcDateTime;
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
                var agent = await NewSupportAgent.CreateAsync(users, email, command.DisplayName!, command.IsAdmin);
                await InvitationEmail.SendAsync(db, composer, agent, current.Actor.DisplayName, null, "fr-FR", now, cancellationToken);
                Audit.Record(db, current.Actor, now, AuditActions.AgentInvited, null, agent.Id, AuditDetails.Of("AgentInvited",
                    AuditDetails.Text($"{agent.DisplayName} <{email}>"), AuditDetails.Word("Agents.Role.", command.IsAdmin ? "Admin" : "Agent")));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            return Unit.Value;
        }
    }
}
