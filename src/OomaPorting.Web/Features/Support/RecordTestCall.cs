namespace OomaPorting.Web.Features.Support;

/// <summary>
/// Support records the test call. Passed: the request completes and its numbers join the account, in the same
/// transaction. Failed: a note, and either a new FOC date or the request goes back to the customer. The failure may
/// name the numbers that failed: the others passed, are ported and join the account at once (docs/domain.md, "Each
/// number has its own life").
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

        /// <summary>With a failure: the numbers that failed (empty: all of them), as a list (one or several a line, ranges).</summary>
        public string? FailedNumbers { get; set; }

        /// <summary>The failed numbers as the validator read them (null: all failed).</summary>
        internal List<FrenchNumber>? Failed { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, BusinessCalendar calendar, TimeProvider time, AppDbContext db)
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
            When(c => c.Outcome == Passed, () => RuleFor(c => c.FailedNumbers).Empty()
                .WithMessage(_ => text["Support.TestCall.FailedNumbersWhenPassed"]));
            When(c => c.Outcome is FailedNewDate or FailedActionRequired && !string.IsNullOrWhiteSpace(c.FailedNumbers), () =>
                RuleFor(c => c.FailedNumbers).CustomAsync(async (value, context, ct) =>
                    context.InstanceToValidate.Failed = await NumbersOfRequest.ReadAsync(value, nameof(Command.FailedNumbers),
                        context.InstanceToValidate.Id, context, text, db, ct)));
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, BusinessCalendar calendar, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await SupportRequests.LoadForActionAsync(db, command.Id, command.Version, cancellationToken);
            var actor = current.Actor;
            var now = time.GetUtcNow().UtcDateTime;
            var failed = command.Failed;
            var ported = command.Outcome switch
            {
                Passed => r.RecordTestCallPassed(actor, now, command.Note),
                FailedNewDate => r.RecordTestCallFailedWithNewDate(actor, command.Note!, SetFocDate.ParseValidated(command.NewFocDate), calendar, now, failed),
                _ => r.RecordTestCallFailedActionRequired(actor, command.Note!, SendBack.Parse(command.Reasons), now, failed),
            };
            if (ported.Count > 0)
            {
                var account = await db.Accounts.IgnoreQueryFilters().Include(a => a.Numbers)
                    .FirstAsync(a => a.Id == r.AccountId, cancellationToken);
                account.AddPortedNumbers(r, ported, now);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
