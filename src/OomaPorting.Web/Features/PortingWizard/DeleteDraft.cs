namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>Deletes one of the admin's drafts (a submitted request is cancelled, never deleted).</summary>
public static class DeleteDraft
{
    public sealed record Command(Guid Id) : ICommand;

    public sealed class Handler(AppDbContext db, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await db.PortRequests.Include(x => x.Lines).Include(x => x.Events).AsSplitQuery()
                .FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
            r.EnsureDeletable(current.Actor);
            db.PortRequests.Remove(r);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
