namespace OomaPorting.Web.Features.Support;

/// <summary>
/// Support records the test call. Passed: the request completes and its numbers join the account, in the same
/// transaction. Failed: a note, and either a new FOC date or the request goes back to the customer.
/// </summary>
public static class RecordTestCall
{
    public const string Passed = "passed";
    public const string FailedNewDate = "failed-new-date";
    public const string FailedActionRequired = "failed-action-required";

    public sealed class Command : ICommand, ISupportAction
    {
        public Guid Id { get; set; }

        public int Version { get; set; }

        public string? Outcome { get; set; }

        public string? Note { get; set; }

        public string? NewFocDate { get; set; }

        public List<string> Reasons { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, BusinessCalendar calendar, TimeProvider time)
        {
            RuleFor(c => c.Outcome).Must(o => o is Passed or FailedNewDate or FailedActionRequired)
                .WithMessage(_ => text["Support.TestCall.OutcomeRequired"]);
            RuleFor(c => c.Note).MaximumLength(PortRequest.MaxCommentLength).WithMessage(_ => text["Support.Comment.TooLong"]);
            When(c => c.Outcome is FailedNewDate or FailedActionRequired, () =>
                RuleFor(c => c.Note).NotEmpty().WithMessage(_ => text["Support.TestCall.NoteRequired"]));
            When(c => c.Outcome == FailedNewDate, () => RuleFor(c => c.NewFocDate).Custom((value, context) =>
                SetFocDate.CheckDate(value, nameof(Command.NewFocDate), context, text, calendar, time)));
            When(c => c.Outcome == FailedActionRequired, () =>
                RuleFor(c => c.Reasons).Must(SendBack.AreValidReasons).WithMessage(_ => text["Support.Reasons.Required"]));
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, BusinessCalendar calendar, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await SupportRequests.LoadForActionAsync(db, command.Id, command.Version, cancellationToken);
            var actor = current.Actor;
            var now = time.GetUtcNow().UtcDateTime;
            switch (command.Outcome)
            {
                case Passed:
                    r.RecordTestCallPassed(actor, now, command.Note);
                    var account = await db.Accounts.IgnoreQueryFilters().Include(a => a.Numbers)
                        .FirstAsync(a => a.Id == r.AccountId, cancellationToken);
                    account.ApplyCompletedPort(r, now);
                    break;
                case FailedNewDate:
                    r.RecordTestCallFailedWithNewDate(actor, command.Note!, SetFocDate.ParseValidated(command.NewFocDate), calendar, now);
                    break;
                default:
                    r.RecordTestCallFailedActionRequired(actor, command.Note!, SendBack.Parse(command.Reasons), now);
                    break;
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
