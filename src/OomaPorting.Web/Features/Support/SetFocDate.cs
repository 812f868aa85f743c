using System.Globalization;

namespace OomaPorting.Web.Features.Support;

/// <summary>Support sets the FOC (CCF) date of a submitted request, or moves it; the history keeps both dates.</summary>
public static class SetFocDate
{
    public sealed class Command : ICommand, ISupportAction
    {
        public Guid Id { get; set; }

        public int Version { get; set; }

        /// <summary><c>yyyy-MM-dd</c>, as a date input sends it.</summary>
        public string? FocDate { get; set; }

        public string? Comment { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, BusinessCalendar calendar, TimeProvider time)
        {
            RuleFor(c => c.FocDate).Custom((value, context) => CheckDate(value, nameof(Command.FocDate), context, text, calendar, time));
            RuleFor(c => c.Comment).MaximumLength(PortRequest.MaxCommentLength).WithMessage(_ => text["Support.Comment.TooLong"]);
        }
    }

    /// <summary>The one place where a typed FOC date is read: a date, then the domain's rule (<see cref="PortRequest.CheckFocDate"/>).</summary>
    public static void CheckDate<T>(string? value, string field, ValidationContext<T> context, IStringLocalizer text, BusinessCalendar calendar, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(time);
        if (!TryParse(value, out var date))
        {
            context.AddFailure(field, text["Support.FocDate.Invalid"]);
        }
        else if (PortRequest.CheckFocDate(date, calendar, time.GetUtcNow().UtcDateTime) is { } problem)
        {
            context.AddFailure(field, ModelStateExtensions.DomainMessage(text, problem));
        }
    }

    public static bool TryParse(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year is >= 2000 and <= 2100;

    /// <summary>For handlers: the validator already proved the value parses.</summary>
    public static DateOnly ParseValidated(string? value) =>
        TryParse(value, out var date) ? date : throw new InvalidOperationException("The date was not validated.");

    public sealed class Handler(AppDbContext db, TimeProvider time, BusinessCalendar calendar, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await SupportRequests.LoadForActionAsync(db, command.Id, command.Version, cancellationToken);
            var date = ParseValidated(command.FocDate);
            r.SetFocDate(current.Actor, date, calendar, time.GetUtcNow().UtcDateTime, command.Comment);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
