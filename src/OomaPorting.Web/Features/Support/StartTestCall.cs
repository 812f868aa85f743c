namespace OomaPorting.Web.Features.Support;

/// <summary>Support starts the test call on or after the FOC date.</summary>
public static class StartTestCall
{
    public sealed class Command : ICommand, ISupportAction
    {
        public Guid Id { get; set; }

        public int Version { get; set; }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await SupportRequests.LoadForActionAsync(db, command.Id, command.Version, cancellationToken);
            r.StartTestCall(current.Actor, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
