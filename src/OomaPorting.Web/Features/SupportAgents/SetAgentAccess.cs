using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.SupportAgents;

/// <summary>
/// A support administrator disables an agent (every session of theirs ends at once; what they did stays in the history)
/// or re-enables them; never themselves. Audited.
/// </summary>
public static class SetAgentAccess
{
    public sealed class Command : ICommand
    {
        public string UserId { get; set; } = string.Empty;

        public bool Enabled { get; set; }
    }

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current, TimeProvider time) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var agent = await SupportAgentUsers.LoadAsync(db, command.UserId, cancellationToken);
            if (agent.Id == current.Actor.UserId)
            {
                throw new DomainException("Users.NotYourself", "An administrator cannot disable themselves.");
            }

            agent.IsDisabled = !command.Enabled;
            Audit.Record(db, current.Actor, time.GetUtcNow().UtcDateTime, command.Enabled ? AuditActions.AgentEnabled : AuditActions.AgentDisabled,
                null, agent.Id, $"{agent.DisplayName} <{agent.Email}>");
            (await users.UpdateSecurityStampAsync(agent)).EnsureSucceeded("Agent change"); // saves both, ends their sessions
            return Unit.Value;
        }
    }
}
