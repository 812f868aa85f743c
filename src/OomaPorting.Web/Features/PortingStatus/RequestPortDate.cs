using System.Globalization;
using OomaPorting.Web.Features.Support;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>
/// "Date de portage souhaitée": the admin asks for the day the numbers move (and a half-day), on the signature step or
/// on the request page until a FOC date is set; an empty date withdraws the wish. The rule is the domain's
/// (<see cref="PortRequest.CheckRequestedPortDate"/>): a working day, from the standard delay, within three months.
/// </summary>
public static class RequestPortDate
{
    public sealed class Command : ICommand
    {
        public Guid Id { get; set; }

        public int Version { get; set; }

        /// <summary><c>yyyy-MM-dd</c>, as a date input sends it; empty withdraws the wish.</summary>
        public string? RequestedDate { get; set; }

        /// <summary>Empty (no preference), <c>Morning</c> or <c>Afternoon</c>.</summary>
        public string? RequestedHalfDay { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, BusinessCalendar calendar, TimeProvider time)
        {
            RuleFor(c => c.RequestedDate).Custom((value, context) => CheckDate(value, nameof(Command.RequestedDate), context, text, calendar, time));
            RuleFor(c => c.RequestedHalfDay).Must(v => TryParseHalfDay(v, out _)).WithMessage(_ => text["Error.RequestedDate.HalfDay"]);
        }
    }

    /// <summary>The one place a typed requested date is read: a date, then the domain's rule, with the limits in the message.</summary>
    public static void CheckDate<T>(string? value, string field, ValidationContext<T> context, IStringLocalizer text, BusinessCalendar calendar, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (!SetFocDate.TryParse(value, out var date))
        {
            context.AddFailure(field, text["Error.RequestedDate.Invalid"]);
        }
        else if (PortRequest.CheckRequestedPortDate(date, calendar, now) is { } problem)
        {
            context.AddFailure(field, text["Error." + problem,
                Display.Date(PortRequest.EarliestRequestablePortDate(calendar, now)), Display.Date(PortRequest.LatestRequestablePortDate(now))]);
        }
    }

    public static bool TryParseHalfDay(string? value, out PortingHalfDay? halfDay)
    {
        halfDay = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        if (value is nameof(PortingHalfDay.Morning) or nameof(PortingHalfDay.Afternoon))
        {
            halfDay = Enum.Parse<PortingHalfDay>(value);
            return true;
        }

        return false;
    }

    /// <summary>For handlers: the validators already proved both values read.</summary>
    public static (DateOnly? Date, PortingHalfDay? HalfDay) ParseValidated(string? date, string? halfDay)
    {
        DateOnly? d = string.IsNullOrWhiteSpace(date) ? null : SetFocDate.ParseValidated(date);
        return TryParseHalfDay(halfDay, out var h) ? (d, h) : throw new InvalidOperationException("The half-day was not validated.");
    }

    /// <summary>The value a date input shows for a requested date.</summary>
    public static string? InputValue(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed class Handler(AppDbContext db, TimeProvider time, BusinessCalendar calendar, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await db.PortRequests.FirstOrDefaultAsync(x => x.Id == command.Id, cancellationToken) ?? throw new NotFoundException();
            if (r.Version != command.Version)
            {
                throw new ConcurrentChangeException();
            }

            var (date, halfDay) = ParseValidated(command.RequestedDate, command.RequestedHalfDay);
            r.RequestPortDate(current.Actor, date, halfDay, calendar, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
