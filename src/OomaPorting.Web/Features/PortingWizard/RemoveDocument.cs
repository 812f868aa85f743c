namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>Removes a document from the request while its documents can still change; its bytes go with it.</summary>
public static class RemoveDocument
{
    public sealed record Command(Guid Id, Guid DocumentId) : ICommand;

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken, WizardSection.Documents);
            await db.Entry(r).Collection(x => x.Documents).Query().Where(d => d.Id == command.DocumentId).LoadAsync(cancellationToken);
            if (r.Documents.Count == 0)
            {
                throw new NotFoundException();
            }

            r.RemoveDocument(current.Actor, command.DocumentId, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
