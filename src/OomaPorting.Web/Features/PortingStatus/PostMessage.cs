namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>A message on a request's thread (admin or support), or a support's internal note.</summary>
public static class PostMessage
{
    public sealed class Command : ICommand
    {
        public Guid Id { get; set; }

        public string? Body { get; set; }

        public bool Internal { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Body).NotEmpty().WithErrorCode("Message.Required").WithMessage(_ => text["Message.Required"])
                .MaximumLength(PortRequestMessage.MaxLength).WithErrorCode("Message.TooLong").WithMessage(_ => text["Message.TooLong", PortRequestMessage.MaxLength]);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var actor = current.Actor;

            // Support writes on any account's request; an admin only finds their own (the account filter applies).
            var requests = actor.IsSupport ? db.PortRequests.IgnoreQueryFilters() : db.PortRequests;
            var r = await requests.FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
            var now = time.GetUtcNow().UtcDateTime;
            if (!actor.IsSupport)
            {
                // Each customer message e-mails the desk: a person writes at most so many an hour.
                var since = now - SendingLimits.Window;
                SendingLimits.Check(await db.PortRequestMessages.IgnoreQueryFilters().CountAsync(m => m.AuthorUserId == actor.UserId && m.SentAtUtc > since, cancellationToken),
                    SendingLimits.MessagesPerCustomer, "Message.TooMany");
            }

            db.PortRequestMessages.Add(PortRequestMessage.Post(r, actor, command.Body, command.Internal, now));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
