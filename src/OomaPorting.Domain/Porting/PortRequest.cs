using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// A request to port numbers from a carrier into an Ooma Office account, and its whole lifecycle
/// (docs/domain.md, "Lifecycle"). Every transition is a method that checks its rule, records an event and
/// refuses anything else with a <see cref="DomainException"/>, leaving the request unchanged.
/// The wizard's editing methods are in <c>PortRequest.Draft.cs</c> (what a mandate seals in <c>PortRequest.MandateText.cs</c>),
/// the test call in <c>PortRequest.TestCall.cs</c>, each number's outcome in <c>PortRequest.Numbers.cs</c>, cancellation
/// in <c>PortRequest.Cancellation.cs</c>, who on the desk looks after it in <c>PortRequest.Assignment.cs</c>.
/// </summary>
public sealed partial class PortRequest
{
    public const int MaxLines = NumberBlock.MaxNumbers;
    public const int MaxCommentLength = 2000;
    public const int DraftExpiryDays = 30;

    private readonly List<PortLine> _lines = [];
    private readonly List<PortRequestEvent> _events = [];
    private readonly List<Mandate> _mandates = [];
    private List<ReasonCode> _actionReasons = [];

    private PortRequest()
    {
        CreatedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    /// <summary>What the customer and support quote, e.g. <c>POR-2026-000123</c>; given at the first submission.</summary>
    public string? Reference { get; private set; }

    public PortRequestStatus Status { get; private set; }

    /// <summary>Whose move this request waits for on <paramref name="today"/> (the date in France): <see cref="TurnRule"/>.</summary>
    public Turn WhoseTurn(DateOnly today) => TurnRule.Of(Status, DocumentsCheckedAtUtc, FocDate, today);

    /// <summary>Incremented by every change: the optimistic concurrency token.</summary>
    public int Version { get; private set; }

    public string CreatedByUserId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>The latest submission (a resubmission after a correction moves it).</summary>
    public DateTime? SubmittedAtUtc { get; private set; }

    /// <summary>The first submission, never moved: where the port's duration and the desk's weekly intake start.</summary>
    public DateTime? FirstSubmittedAtUtc { get; private set; }

    /// <summary>When the request entered its current status (the clock of the desk's service levels, <see cref="SlaCutoffs"/>).</summary>
    public DateTime StatusChangedAtUtc { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    public DateTime? CancelledAtUtc { get; private set; }

    /// <summary>The FOC (CCF) date: the day the numbers move.</summary>
    public DateOnly? FocDate { get; private set; }

    /// <summary>
    /// Whether the FOC date is offered as a calendar file (the page's link, the API's <c>links.calendar</c>, the file
    /// itself, the e-mail's attachment): from the carrier's date until the test call is done.
    /// </summary>
    public bool HasCalendarFile => FocDate is not null && Status is PortRequestStatus.FocConfirmed or PortRequestStatus.TestCall;

    public IReadOnlyList<ReasonCode> ActionReasons => _actionReasons;

    public string? ActionMessage { get; private set; }

    public IReadOnlyList<PortLine> Lines => _lines;

    /// <summary>Events need not be loaded to record a new one: the sequence lives on the request.</summary>
    public int LastEventSequence { get; private set; }

    public IReadOnlyList<PortRequestEvent> Events => _events;

    /// <summary>How many mandates were signed: the next one's sequence, known without loading them.</summary>
    public int MandateCount { get; private set; }

    /// <summary>Every signed mandate, one per submission; the last is the one in force.</summary>
    public IReadOnlyList<Mandate> Mandates => _mandates;

    public bool IsActive => Status is not (PortRequestStatus.Completed or PortRequestStatus.Cancelled);

    public static PortRequest StartDraft(Guid id, Guid accountId, Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireRole(actor, ActorRole.AccountAdmin);
        var request = new PortRequest
        {
            Id = id,
            AccountId = accountId,
            Status = PortRequestStatus.Draft,
            CreatedByUserId = actor.UserId,
            CreatedAtUtc = nowUtc,
            UpdatedAtUtc = nowUtc,
            StatusChangedAtUtc = nowUtc,
        };
        request.Record(actor, nowUtc, PortRequestEventKind.Created, PortRequestStatus.Draft);
        return request;
    }

    /// <summary>A draft nobody touched for 30 days is no longer offered for resuming.</summary>
    public bool IsExpiredDraft(DateTime nowUtc) =>
        Status == PortRequestStatus.Draft && nowUtc - UpdatedAtUtc > TimeSpan.FromDays(DraftExpiryDays);

    /// <summary>
    /// The admin signs and submits (or resubmits after a fix). The first submission gives the request its
    /// <paramref name="newReference"/>; each submission records a <see cref="Mandate"/> over the answers and the terms.
    /// </summary>
    public Mandate Submit(Actor actor, SignatureInput signature, PortingTerms terms, string? newReference, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var signer = EnsureCanSubmit(actor, signature);
        if (signature.Confirmation is null)
        {
            throw new DomainException("Signer.Confirmation.Required", "The signer must confirm the e-mailed code first.");
        }

        if (Reference is null)
        {
            Reference = DomainText.Clean(newReference, "Reference", 20);
        }

        var resubmission = Status == PortRequestStatus.ActionRequired;
        SignerName = signer;
        SignedAtUtc = nowUtc;
        SubmittedAtUtc = nowUtc;
        FirstSubmittedAtUtc ??= nowUtc;
        MandateCount++;
        var mandate = new Mandate(this, MandateCount, signature, signer, terms, nowUtc);
        _mandates.Add(mandate);
        _actionReasons = [];
        ActionMessage = null;
        DocumentsCheckedAtUtc = null; // a new submission is checked afresh
        Transition(actor, nowUtc, resubmission ? PortRequestEventKind.Resubmitted : PortRequestEventKind.Submitted,
            PortRequestStatus.Submitted);
        return mandate;
    }

    /// <summary>
    /// Everything <see cref="Submit"/> checks but the signer's confirmation: whether this signature of the request as it
    /// stands could be submitted. Checked before a confirmation code is sent. Answers the signer's cleaned name.
    /// </summary>
    public string EnsureCanSubmit(Actor actor, SignatureInput signature)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(signature);
        RequireMay(PortAction.Sign, actor, nowUtc: default); // signing does not depend on the time
        if (!signature.TermsAccepted)
        {
            throw new DomainException("Submit.TermsNotAccepted", "The porting terms must be accepted.");
        }

        var signer = DomainText.Clean(signature.SignerName, Mandate.SignerNameField, Mandate.MaxSignerNameLength);
        if (signature.Capacity is null)
        {
            throw new DomainException("Signer.Capacity.Required", "The signer's capacity is required.");
        }

        if (!signature.AuthorityConfirmed)
        {
            throw new DomainException("Signer.Authority.Required", "The signer must confirm they may commit the holder.");
        }

        Mandate.CheckDrawing(signature.DrawnSignaturePng);
        var missing = MissingForSubmission();
        if (missing != WizardSection.None)
        {
            throw new DomainException("Submit.Incomplete", $"The request is incomplete: {missing}.");
        }

        if (IsBlockedByDryLine)
        {
            throw new DomainException("Submit.DryLineNotConfirmed",
                "Internet shares the line with the number: the services must be separated first.");
        }

        return signer;
    }

    /// <summary>Only the admin deletes, and only a draft: a submitted request is cancelled, never deleted.</summary>
    public void EnsureDeletable(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireMay(PortAction.DeleteDraft, actor, nowUtc: default); // nor does deleting a draft
    }

    /// <summary>Support sets the FOC date, or moves it (the history keeps both dates).</summary>
    public void SetFocDate(Actor actor, DateOnly focDate, BusinessCalendar calendar, DateTime nowUtc, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(calendar);
        RequireMay(PortAction.SetFocDate, actor, nowUtc, calendar);
        RequireValidFocDate(focDate, calendar, nowUtc);
        var note = DomainText.Clean(comment, "Comment", MaxCommentLength, required: false);

        if (Status == PortRequestStatus.FocConfirmed && FocDate == focDate)
        {
            throw new DomainException("FocDate.Unchanged", "The FOC date is already this date.");
        }

        var old = FocDate;
        var moved = Status == PortRequestStatus.FocConfirmed;
        FocDate = focDate;
        foreach (var line in _lines.Where(l => l.Status == PortLineStatus.Pending))
        {
            line.Confirm();
        }

        var e = Transition(actor, nowUtc, moved ? PortRequestEventKind.FocDateMoved : PortRequestEventKind.FocDateSet,
            PortRequestStatus.FocConfirmed);
        e.OldFocDate = old;
        e.NewFocDate = focDate;
        e.Comment = NullIfEmpty(note);
    }

    /// <summary>Support sends the request back to the customer with one or more reasons and a message.</summary>
    public void RequireAction(Actor actor, IReadOnlyCollection<ReasonCode> reasons, string message, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireMay(PortAction.SendBack, actor, nowUtc); // not once some numbers are ported: refuse the numbers left instead
        var text = DomainText.Clean(message, "Comment", MaxCommentLength);
        var codes = RequireReasons(reasons, text);

        foreach (var line in LinesToPort)
        {
            line.BackToPending();
        }

        var old = FocDate;
        FocDate = null;
        _actionReasons = codes;
        ActionMessage = text;
        var e = Transition(actor, nowUtc, PortRequestEventKind.ActionRequired, PortRequestStatus.ActionRequired);
        e.OldFocDate = old;
        e.ReasonCodes = string.Join(',', codes);
        e.Comment = text;
    }

    /// <summary>
    /// The rule of a FOC date, for the aggregate's guard and for the forms' validators alike: a working day, not in
    /// the past (in France). Answers the refusal's code (<c>FocDate.InPast</c>, <c>FocDate.NotWorkingDay</c>) or null.
    /// </summary>
    public static string? CheckFocDate(DateOnly focDate, BusinessCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (focDate < BusinessCalendar.DateInFrance(nowUtc))
        {
            return "FocDate.InPast";
        }

        return calendar.IsWorkingDay(focDate) ? null : "FocDate.NotWorkingDay";
    }

    private static void RequireValidFocDate(DateOnly focDate, BusinessCalendar calendar, DateTime nowUtc)
    {
        if (CheckFocDate(focDate, calendar, nowUtc) is { } problem)
        {
            throw new DomainException(problem, "A FOC date must be a working day, not in the past.");
        }
    }

    private static List<ReasonCode> RequireReasons(IReadOnlyCollection<ReasonCode>? reasons, string message)
    {
        var codes = (reasons ?? []).Distinct().Order().ToList();
        if (codes.Count == 0)
        {
            throw new DomainException("ActionRequired.NoReason", "At least one reason is required.");
        }

        if (codes.Any(c => !Enum.IsDefined(c)))
        {
            throw new DomainException("ActionRequired.UnknownReason", "Unknown reason code.");
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            throw new DomainException("Comment.Required", "A message to the customer is required.");
        }

        return codes;
    }

    private static void RequireRole(Actor actor, params ActorRole[] roles)
    {
        if (!roles.Contains(actor.Role))
        {
            throw new DomainException("PortRequest.Forbidden", $"A {actor.Role} may not do this.");
        }
    }

    private PortRequestEvent Transition(Actor actor, DateTime nowUtc, PortRequestEventKind kind, PortRequestStatus to)
    {
        var e = Record(actor, nowUtc, kind, to);
        if (Status != to)
        {
            StatusChangedAtUtc = nowUtc;
        }

        Status = to;
        return e;
    }

    private PortRequestEvent Record(Actor actor, DateTime nowUtc, PortRequestEventKind kind, PortRequestStatus to)
    {
        LastEventSequence++;
        var e = new PortRequestEvent(this, LastEventSequence, nowUtc, actor, kind, Status, to);
        _events.Add(e);
        Touch(nowUtc);
        return e;
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Version++;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
