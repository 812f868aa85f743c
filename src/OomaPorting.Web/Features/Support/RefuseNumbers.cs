namespace OomaPorting.Web.Features.Support;

/// <summary>
/// Support records that the losing carrier refused some numbers (a partial port): one reason and the carrier's words
/// for the customer; every other number goes ahead with the FOC date (<see cref="PortRequest.RefuseNumbers"/>).
/// </summary>
public static class RefuseNumbers
{
    public sealed class Command : ICommand, ISupportAction
    {
        public Guid Id { get; set; }

        public int Version { get; set; }

        /// <summary>The refused numbers, as a list (one or several a line, ranges).</summary>
        public string? Numbers { get; set; }

        public string? Reason { get; set; }

        public string? Comment { get; set; }

        /// <summary>The numbers as the validator read them, for the handler.</summary>
        internal List<FrenchNumber> Read { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, AppDbContext db)
        {
            RuleFor(c => c.Numbers).NotEmpty().WithMessage(_ => text["Support.Refuse.NumbersRequired"]);
            RuleFor(c => c.Reason).Must(r => SendBack.AreValidReasons(r is null ? null : [r]))
                .WithMessage(_ => text["Support.Refuse.ReasonRequired"]);
            RuleFor(c => c.Comment).NotEmpty().WithMessage(_ => text["Support.Refuse.CommentRequired"])
                .MaximumLength(PortLine.MaxRefusalCommentLength).WithMessage(_ => text["Support.Refuse.CommentTooLong", PortLine.MaxRefusalCommentLength]);
            When(c => !string.IsNullOrWhiteSpace(c.Numbers), () => RuleFor(c => c.Numbers).CustomAsync(async (value, context, ct) =>
                context.InstanceToValidate.Read = await NumbersOfRequest.ReadAsync(value, nameof(Command.Numbers), context.InstanceToValidate.Id,
                    context, text, db, ct)));
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await SupportRequests.LoadForActionAsync(db, command.Id, command.Version, cancellationToken);
            r.RefuseNumbers(current.Actor, command.Read, Enum.Parse<ReasonCode>(command.Reason!), command.Comment!, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
