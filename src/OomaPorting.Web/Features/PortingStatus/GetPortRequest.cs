namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>
/// One request as its account sees it: the four stages with their dates done or expected, whose turn it is, the
/// numbers, the public history and the thread with support (never support's internal notes).
/// </summary>
public static class GetPortRequest
{
    public sealed record Query(Guid Id) : IQuery<Model>;

    /// <summary>
    /// One stage of the tracker: done on a date, or expected on a date (or between two). An expectation already past is
    /// <see cref="Late"/>, with the next date it can now be expected (<see cref="ExpectedAgain"/>).
    /// </summary>
    public sealed record Stage(string Key, DateOnly? Done, DateOnly? ExpectedFrom, DateOnly? ExpectedTo, bool IsCurrent)
    {
        public bool Late { get; init; }

        public DateOnly? ExpectedAgain { get; init; }
    }

    /// <param name="Actions">What the reader (an admin, a user, an API key) may do to the request now (<see cref="PortRequest.Actions"/>).</param>
    /// <param name="TemporaryNumber">The account's temporary number while it still has one (the admin may ask to keep it).</param>
    /// <param name="StillPorting">Once completed: numbers of the same carrier account still with the old carrier (<see cref="OldCarrierAdvice"/>).</param>
    public sealed record Model(PortRequest Request, IReadOnlyList<Stage> Stages, Turn Whose, IReadOnlyList<PortAction> Actions,
        IReadOnlyList<PortRequestMessage> Messages, string? FirstStepToFix, FrenchNumber? TemporaryNumber = null,
        IReadOnlyList<OldCarrierAdvice.StillPorting>? StillPorting = null)
    {
        /// <summary>
        /// What the tracker says comes next (a resource key): the documents check, a porting day passed without a test
        /// call (support's turn), or the status's own sentence.
        /// </summary>
        public string NextStep => Request.AwaitsDocumentsCheck ? "Next.Submitted.Checking"
            : Request.Status == PortRequestStatus.FocConfirmed && Whose == Turn.Support ? "Next.FocConfirmed.Passed"
            : $"Next.{Request.Status}";

        /// <summary>Why an admin may not cancel now (a code of <see cref="PortRequest.ActionRefusalCodes"/>), said on the page, or null.</summary>
        public string? CancelRefusal { get; init; }

        /// <summary>Whether the page offers <paramref name="action"/>; keeping the temporary number also needs the account to have one.</summary>
        public bool Offers(PortAction action) =>
            Actions.Contains(action) && (action != PortAction.KeepTemporaryNumber || TemporaryNumber is not null);
    }

    /// <summary>The request as read, with the account's temporary number.</summary>
    private sealed record Found(PortRequest Request, FrenchNumber? Temporary);

    /// <summary>The request's events (attached to it by the change tracker) and its public messages.</summary>
    private sealed record History(List<PortRequestEvent> Events, List<PortRequestMessage> Messages);

    public sealed class Handler(AppDbContext db, BusinessCalendar calendar, TimeProvider time, ICurrentActor current) : IQueryHandler<Query, Model>
    {
        // Compiled once (the account filter still applies, read from each context). Two round trips, whatever the size:
        // the request with its numbers (up to 1,000 rows) and the account's temporary number; then its events and public
        // messages (a few rows each), which the change tracker attaches to the request. Joining the numbers and the
        // events in one query would return numbers × events rows (6,000 for a block of 1,000: 1.6 s a page at load).
        private static readonly Func<AppDbContext, Guid, Task<Found?>> RequestById = EF.CompileAsyncQuery(
            (AppDbContext db, Guid id) => db.PortRequests.Include(x => x.Lines)
                .Where(x => x.Id == id)
                .Select(x => new Found(x, db.AccountNumbers
                    .Where(n => n.AccountId == x.AccountId && n.Kind == Domain.Accounts.AccountNumberKind.Temporary)
                    .Select(n => n.Number).FirstOrDefault()))
                .FirstOrDefault());

        private static readonly Func<AppDbContext, Guid, Task<History?>> HistoryById = EF.CompileAsyncQuery(
            (AppDbContext db, Guid id) => db.PortRequests.Where(x => x.Id == id)
                .Select(x => new History(x.Events.ToList(), db.PortRequestMessages.Where(m => m.PortRequestId == x.Id && !m.IsInternal).ToList()))
                .FirstOrDefault());

        public async ValueTask<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            // Read afresh, never from what a refused command left in the tracker (the page shows what is saved).
            db.ChangeTracker.Clear();
            var found = await RequestById(db, query.Id) ?? throw new NotFoundException();
            var r = found.Request;
            var messages = (await HistoryById(db, r.Id))?.Messages.OrderBy(m => m.SentAtUtc).ToList() ?? [];
            var now = time.GetUtcNow().UtcDateTime;
            var today = BusinessCalendar.DateInFrance(now);
            var stillPorting = r.Status == PortRequestStatus.Completed ? await OldCarrierAdvice.StillPortingAsync(db, r, cancellationToken) : [];
            return new Model(r, Stages(r, calendar, today), r.WhoseTurn(today), r.Actions(current.Actor.Role, calendar, now), messages,
                FirstStepToFix(r), found.Temporary, stillPorting)
            {
                CancelRefusal = r.Refusal(PortAction.Cancel, ActorRole.AccountAdmin, calendar, now),
            };
        }
    }

    /// <summary>
    /// Soumise → Date de portage (CCF) → Appel test → Terminée, each done on its date or expected (working days). The
    /// CCF stage shows the porting day itself once the carrier confirmed it. An expected date before
    /// <paramref name="today"/> is late, and is expected again from the stage before it: the first late stage on the
    /// next working day after today, each later one as many working days after the one before as first planned (a
    /// late CCF moves the test call and the completion by as much, never all three onto the same day).
    /// </summary>
    public static IReadOnlyList<Stage> Stages(PortRequest r, BusinessCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(calendar);
        DateOnly? On(PortRequestEventKind kind) =>
            r.Events.Where(e => e.Kind == kind).Select(e => (DateOnly?)BusinessCalendar.DateInFrance(e.OccurredAtUtc)).LastOrDefault();

        var submitted = r.SubmittedAtUtc is { } s ? BusinessCalendar.DateInFrance(s) : (DateOnly?)null;
        var focKnown = r.FocDate is not null && r.Status is PortRequestStatus.FocConfirmed or PortRequestStatus.TestCall or PortRequestStatus.Completed;
        var focDecided = focKnown ? r.FocDate : null;
        var testStarted = r.Status is PortRequestStatus.TestCall or PortRequestStatus.Completed ? On(PortRequestEventKind.TestCallStarted) : null;
        var completed = r.CompletedAtUtc is { } c ? BusinessCalendar.DateInFrance(c) : (DateOnly?)null;
        var expectedFoc = submitted is { } d ? calendar.ExpectedFocDate(d) : (DateOnly?)null;
        var window = submitted is { } d2 ? calendar.ExpectedCompletion(d2) : ((DateOnly, DateOnly)?)null;
        var active = r.Status is not (PortRequestStatus.Cancelled or PortRequestStatus.Draft);

        var next = calendar.AddWorkingDays(today, 1);

        // The stage before, as last planned (its expected date) and as now expected (re-estimated, or done).
        (DateOnly Planned, DateOnly Now)? before = null;
        Stage Timed(Stage stage)
        {
            var planned = stage.ExpectedFrom ?? stage.Done;
            var result = stage;
            if (active && stage.Done is null && (stage.ExpectedTo ?? stage.ExpectedFrom) is { } last && last < today)
            {
                var again = before is { } b && planned is { } p && b.Now > b.Planned
                    ? calendar.AddWorkingDays(b.Now, calendar.WorkingDaysBetween(b.Planned, p))
                    : next;
                result = stage with { Late = true, ExpectedAgain = again < next ? next : again };
            }

            if (planned is { } from)
            {
                before = (from, result.ExpectedAgain ?? result.Done ?? from);
            }

            return result;
        }

        return
        [
            new Stage("Submitted", SubmissionDates(r).First, null, null, active && r.Status is PortRequestStatus.Submitted or PortRequestStatus.ActionRequired),
            Timed(new Stage("FocDate", focDecided, focKnown ? null : expectedFoc, null, active && r.Status == PortRequestStatus.FocConfirmed)),
            Timed(new Stage("TestCall", testStarted, testStarted is null ? r.FocDate ?? window?.Item1 : null, null, active && r.Status == PortRequestStatus.TestCall)),
            Timed(new Stage("Completed", completed, completed is null ? r.FocDate ?? window?.Item1 : null, completed is null && r.FocDate is null ? window?.Item2 : null,
                IsCurrent: false)),
        ];
    }

    /// <summary>The first submission and, when it was corrected, the last resubmission (both shown: "Envoyée le").</summary>
    public static (DateOnly? First, DateOnly? Again) SubmissionDates(PortRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var first = r.Events.Where(e => e.Kind == PortRequestEventKind.Submitted).Select(e => (DateOnly?)BusinessCalendar.DateInFrance(e.OccurredAtUtc)).FirstOrDefault()
            ?? (r.SubmittedAtUtc is { } s ? BusinessCalendar.DateInFrance(s) : null);
        var again = r.Events.Where(e => e.Kind == PortRequestEventKind.Resubmitted).Select(e => (DateOnly?)BusinessCalendar.DateInFrance(e.OccurredAtUtc)).LastOrDefault();
        return (first, again);
    }

    /// <summary>The first wizard step a fix reopens, in the wizard's order.</summary>
    public static string? FirstStepToFix(PortRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.Status != PortRequestStatus.ActionRequired)
        {
            return null;
        }

        var open = r.EditableSections;
        return PortingWizard.Drafts.Steps.First(o => (open & o.Section) != 0).Step;
    }
}
