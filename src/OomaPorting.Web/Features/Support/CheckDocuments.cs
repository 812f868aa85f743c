namespace OomaPorting.Web.Features.Support;

/// <summary>
/// "Pièces vérifiées": support has compared the documents with the holder, the address, the account number and the
/// SIRET, and the request may go to the carrier (a FOC date waits for it). A mismatch is sent back instead, with a reason.
/// </summary>
public static class CheckDocuments
{
    public sealed class Command : ICommand, ISupportAction
    {
        public Guid Id { get; set; }

        public int Version { get; set; }

        /// <summary>An optional internal note (what was compared, what was odd but acceptable).</summary>
        public string? Comment { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text) =>
            RuleFor(c => c.Comment).MaximumLength(PortRequest.MaxCommentLength).WithMessage(_ => text["Support.Comment.TooLong"]);
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await SupportRequests.LoadForActionAsync(db, command.Id, command.Version, cancellationToken);
            r.CheckDocuments(current.Actor, time.GetUtcNow().UtcDateTime, command.Comment);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
