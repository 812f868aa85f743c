namespace OomaPorting.Web.Features.HeldMessages;

/// <summary>A support administrator sends the held messages on, or discards them (<see cref="HeldMessages.ReleaseAsync"/>). Audited.</summary>
public static class ReleaseHeldMessages
{
    public sealed class Command : ICommand<HeldMessages.Counts>
    {
        /// <summary>True: send them; false: record them as not sent.</summary>
        public bool Send { get; set; }
    }

    public sealed class Handler(AppDbContext db, ICurrentActor current, TimeProvider time) : ICommandHandler<Command, HeldMessages.Counts>
    {
        public async ValueTask<HeldMessages.Counts> Handle(Command command, CancellationToken cancellationToken) =>
            await HeldMessages.ReleaseAsync(db, current.Actor, command.Send, time.GetUtcNow().UtcDateTime, cancellationToken);
    }
}
