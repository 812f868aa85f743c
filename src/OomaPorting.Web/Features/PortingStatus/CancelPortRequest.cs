using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>The admin cancels a request, until two working days before its FOC date (the domain decides).</summary>
public static class CancelPortRequest
{
    public sealed class Command : ICommand
    {
        public Guid Id { get; set; }

        /// <summary>The request's version on the page the admin confirmed: a request changed since is not cancelled blind.</summary>
        public int Version { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Reason).MaximumLength(PortRequest.MaxCommentLength).WithMessage(_ => text["Support.Comment.TooLong"]);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, BusinessCalendar calendar, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await db.PortRequests.Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken)
                ?? throw new NotFoundException();
            if (r.Version != command.Version)
            {
                throw new ConcurrentChangeException();
            }

            r.Cancel(current.Actor, command.Reason, calendar, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
