namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// Deletes one of the admin's drafts (a submitted request is cancelled, never deleted). A follow-up draft gives its
/// numbers back to the request it follows up, where they await the admin's decision again.
/// </summary>
public static class DeleteDraft
{
    public sealed record Command(Guid Id) : ICommand;

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await db.PortRequests.Include(x => x.Lines).Include(x => x.Events).AsSplitQuery()
                .FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
            r.EnsureDeletable(current.Actor);
            db.PortRequests.Remove(r);
            if (r.FollowUpOfId is { } originalId
                && await db.PortRequests.Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == originalId, cancellationToken) is { } original)
            {
                original.FollowUpDeleted(r.Id, time.GetUtcNow().UtcDateTime);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
