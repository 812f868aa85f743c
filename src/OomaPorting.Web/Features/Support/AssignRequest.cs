using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Support;

/// <summary>
/// "Prendre en charge", "Libérer", "Confier à": who on the desk looks after a request. The rule (an agent takes a free
/// request and releases their own, a lead does anything) is the domain's (<see cref="PortRequest.AssignTo"/>).
/// </summary>
public static class AssignRequest
{
    public sealed class Command : ICommand, ISupportAction
    {
        public Guid Id { get; set; }

        public int Version { get; set; }

        /// <summary>The agent's user id; empty to release the request.</summary>
        public string? AssigneeId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(c => c.AssigneeId).MaximumLength(450).WithMessage(_ => text["Error.Assignment.NotAgent"]);
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await SupportRequests.LoadForActionAsync(db, command.Id, command.Version, cancellationToken);
            var actor = current.Actor;
            var agents = RoleMembers.UserIds(db, Roles.Support);
            Actor? assignee = null;
            if (!string.IsNullOrEmpty(command.AssigneeId))
            {
                assignee = await db.Users.Where(u => u.Id == command.AssigneeId && !u.IsDisabled && agents.Contains(u.Id))
                    .Select(u => new Actor(u.Id, ActorRole.Support, u.DisplayName)).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainException("Assignment.NotAgent", "No active support agent has this id.");
            }

            var isLead = await RoleMembers.UserIds(db, Roles.SupportAdmin).AnyAsync(id => id == actor.UserId, cancellationToken);
            r.AssignTo(actor, assignee, isLead, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
