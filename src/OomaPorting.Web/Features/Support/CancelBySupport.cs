namespace OomaPorting.Web.Features.Support;

/// <summary>Support cancels a request before its test call, with a reason.</summary>
public static class CancelBySupport
{
    public sealed class Command : ICommand, ISupportAction
    {
        public Guid Id { get; set; }

        public int Version { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Reason).NotEmpty().WithMessage(_ => text["Support.Cancel.ReasonRequired"])
                .MaximumLength(PortRequest.MaxCommentLength).WithMessage(_ => text["Support.Comment.TooLong"]);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, Domain.Calendar.BusinessCalendar calendar, ICurrentActor current)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await SupportRequests.LoadForActionAsync(db, command.Id, command.Version, cancellationToken);
            r.Cancel(current.Actor, command.Reason, calendar, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
