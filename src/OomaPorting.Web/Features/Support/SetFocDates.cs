using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Support;

/// <summary>
/// One FOC date for several requests of one carrier (carriers confirm in batches). Each request goes through its own
/// domain method and its own save — its own history entry and e-mail — and the result says, request by request, what
/// was done and what was refused and why (changed since the agent saw it, not at a step that takes a date, ...).
/// </summary>
public static class SetFocDates
{
    /// <summary>A batch is what a carrier confirms in one go; more is a mistake.</summary>
    public const int MaxRequests = 100;

    public sealed class Command : ICommand<Result>
    {
        /// <summary>The requests ticked in the queue, each as <c>{id}:{version}</c> (the version the agent saw).</summary>
        public List<string> Selected { get; set; } = [];

        /// <summary><c>yyyy-MM-dd</c>, as a date input sends it.</summary>
        public string? FocDate { get; set; }

        public string? Comment { get; set; }

        /// <summary>The queue's filters, to show the same queue again when the batch is refused.</summary>
        public SearchRequests.Query Queue { get; set; } = new();
    }

    public sealed record Outcome(Guid Id, string? Reference, string? CompanyName, string? ErrorCode)
    {
        public bool Done => ErrorCode is null;
    }

    public sealed record Result(DateOnly FocDate, IReadOnlyList<Outcome> Outcomes);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, BusinessCalendar calendar, TimeProvider time, AppDbContext db)
        {
            RuleFor(c => c.Selected).Must(s => s.Count > 0).WithMessage(_ => text["Support.Bulk.NoneSelected"])
                .Must(s => s.Count <= MaxRequests).WithMessage(_ => text["Support.Bulk.TooMany", MaxRequests])
                .Must(s => s.All(x => TryRead(x, out _, out _))).WithMessage(_ => text["Support.Bulk.NoneSelected"])
                .MustAsync(async (s, ct) => await CarrierCountAsync(db, s, ct) <= 1).WithMessage(_ => text["Support.Bulk.OneCarrier"]);
            RuleFor(c => c.FocDate).Custom((value, context) => SetFocDate.CheckDate(value, nameof(Command.FocDate), context, text, calendar, time));
            RuleFor(c => c.Comment).MaximumLength(PortRequest.MaxCommentLength).WithMessage(_ => text["Support.Comment.TooLong"]);
        }

        private static async Task<int> CarrierCountAsync(AppDbContext db, List<string> selected, CancellationToken ct)
        {
            var ids = Read(selected).Select(x => x.Id).ToList();
            return await db.PortRequests.IgnoreQueryFilters().Where(r => ids.Contains(r.Id)).Select(r => r.CarrierCode).Distinct().CountAsync(ct);
        }
    }

    /// <summary>Reads <c>{id}:{version}</c>.</summary>
    public static bool TryRead(string? value, out Guid id, out int version)
    {
        id = Guid.Empty;
        version = 0;
        var parts = value?.Split(':');
        return parts is { Length: 2 } && Guid.TryParse(parts[0], out id)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out version);
    }

    private static IEnumerable<(Guid Id, int Version)> Read(IEnumerable<string> selected) =>
        selected.Select(s => TryRead(s, out var id, out var version) ? (id, version) : (Guid.Empty, 0)).Where(x => x.Item1 != Guid.Empty).DistinctBy(x => x.Item1);

    public sealed class Handler(AppDbContext db, TimeProvider time, BusinessCalendar calendar, ICurrentActor current) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(command);
            var date = SetFocDate.ParseValidated(command.FocDate);
            var outcomes = new List<Outcome>();
            foreach (var (id, version) in Read(command.Selected))
            {
                // Each request in a unit of work of its own: one refusal never holds back, or half-writes, another.
                db.ChangeTracker.Clear();
                var seen = await db.PortRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == id && r.Status != PortRequestStatus.Draft)
                    .Select(r => new { r.Reference, Company = db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.CompanyName).First() })
                    .FirstOrDefaultAsync(cancellationToken);
                if (seen is null)
                {
                    outcomes.Add(new Outcome(id, null, null, "Bulk.NotFound"));
                    continue;
                }

                try
                {
                    var r = await SupportRequests.LoadForActionAsync(db, id, version, cancellationToken);
                    r.SetFocDate(current.Actor, date, calendar, time.GetUtcNow().UtcDateTime, command.Comment);
                    await db.SaveChangesAsync(cancellationToken);
                    outcomes.Add(new Outcome(id, seen.Reference, seen.Company, null));
                }
                catch (DomainException e)
                {
                    outcomes.Add(new Outcome(id, seen.Reference, seen.Company, e.Code));
                }
                catch (Exception e) when (e is ConcurrentChangeException or DbUpdateConcurrencyException)
                {
                    outcomes.Add(new Outcome(id, seen.Reference, seen.Company, "Bulk.ChangedMeanwhile"));
                }
            }

            db.ChangeTracker.Clear();
            return new Result(date, outcomes);
        }
    }
}
