namespace OomaPorting.Web.Features.Support;

/// <summary>Support sends a request back to the customer (Action required) with reason codes and a message.</summary>
public static class SendBack
{
    public sealed class Command : ICommand, ISupportAction
    {
        public Guid Id { get; set; }

        public int Version { get; set; }

        public List<string> Reasons { get; set; } = [];

        public string? Message { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(c => c.Reasons).Must(AreValidReasons).WithMessage(_ => text["Support.Reasons.Required"]);
            RuleFor(c => c.Message).NotEmpty().WithMessage(_ => text["Support.SendBack.MessageRequired"])
                .MaximumLength(PortRequest.MaxCommentLength).WithMessage(_ => text["Support.Comment.TooLong"]);
        }
    }

    public static bool AreValidReasons(List<string>? reasons) =>
        reasons is { Count: > 0 and <= 10 } && reasons.All(r => Enum.TryParse<ReasonCode>(r, out var c) && Enum.IsDefined(c) && r == c.ToString());

    public static List<ReasonCode> Parse(IEnumerable<string> reasons) => [.. reasons.Select(Enum.Parse<ReasonCode>)];

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await SupportRequests.LoadForActionAsync(db, command.Id, command.Version, cancellationToken);
            r.RequireAction(current.Actor, Parse(command.Reasons), command.Message!, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}

