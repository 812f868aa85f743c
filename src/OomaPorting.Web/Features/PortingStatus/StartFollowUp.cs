namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>
/// The admin takes numbers the carrier refused into a follow-up request: a draft linked to this one, with the same
/// answers and documents, that opens on its numbers step to fix them (<see cref="PortRequest.StartFollowUp"/>). Answers the draft's id.
/// </summary>
public static class StartFollowUp
{
    public sealed class Command : RefusedNumbers.Choice, ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) => RefusedNumbers.Rules(this, text);
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current, Infrastructure.Documents.IDocumentStore store)
        : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await RefusedNumbers.LoadAsync(db, command, cancellationToken);
            await db.Entry(r).Collection(x => x.Documents).LoadAsync(cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            var followUp = r.StartFollowUp(Guid.CreateVersion7(now), current.Actor, command.LineIds, now);
            db.PortRequests.Add(followUp);
            foreach (var document in followUp.Documents)
            {
                await store.CopyAsync(document.CopiedFromId!.Value, document.Id, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            return followUp.Id;
        }
    }
}
