using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// Each number's own life (docs/domain.md, "Each number has its own life"): the carrier refuses some numbers while the
/// rest go ahead, the customer withdraws refused numbers or takes them into a follow-up request. The test call's
/// per-number results are in <c>PortRequest.cs</c>, beside the other test call outcomes.
/// </summary>
public sealed partial class PortRequest
{
    /// <summary>The request this one follows up: refused numbers of it, fixed and sent again.</summary>
    public Guid? FollowUpOfId { get; private set; }

    /// <summary>The reference of <see cref="FollowUpOfId"/>, kept here so that showing it costs no query.</summary>
    public string? FollowUpOfReference { get; private set; }

    /// <summary>Numbers still to be ported (pending, confirmed for the FOC date or waiting for a new one after a failed test call).</summary>
    public IEnumerable<PortLine> LinesToPort => _lines.Where(l => l.Status.IsToPort());

    /// <summary>Refused numbers the customer has not yet withdrawn nor taken into a follow-up.</summary>
    public IEnumerable<PortLine> LinesAwaitingCustomer => _lines.Where(l => l.AwaitsCustomer);

    /// <summary>True when the request's status and its numbers' agree (<see cref="PortLineStatuses.Agree"/>).</summary>
    public bool LinesAgreeWithStatus => PortLineStatuses.Agree(Status, [.. _lines.Select(l => l.Status)]);

    /// <summary>
    /// Support records that the losing carrier refused some numbers, with one reason and its words for the customer;
    /// every other number goes ahead with the request's FOC date. Refusing every number left is not a partial port:
    /// the request is sent back as a whole (<see cref="RequireAction"/>), unless some numbers were ported already, in
    /// which case the request completes with what was ported.
    /// </summary>
    public void RefuseNumbers(Actor actor, IReadOnlyCollection<FrenchNumber> numbers, ReasonCode reason, string comment, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(numbers);
        RequireMay(PortAction.RefuseNumbers, actor, nowUtc);
        if (!Enum.IsDefined(reason))
        {
            throw new DomainException("ActionRequired.UnknownReason", "Unknown reason code.");
        }

        var text = DomainText.Clean(comment, "Comment", PortLine.MaxRefusalCommentLength);
        var refused = LinesToPortAmong(numbers, "Refusal");
        var anyPorted = _lines.Any(l => l.Status == PortLineStatus.Ported);
        if (refused.Count == LinesToPort.Count() && !anyPorted)
        {
            throw new DomainException("Refusal.AllNumbers", "Every number left would be refused: send the request back instead.");
        }

        foreach (var line in refused)
        {
            line.Refuse(reason, text);
        }

        var settled = PortLineStatuses.Settle(_lines.Select(l => l.Status));
        if (settled)
        {
            CompletedAtUtc = nowUtc;
        }

        var e = Transition(actor, nowUtc, PortRequestEventKind.NumbersRefused, settled ? PortRequestStatus.Completed : Status);
        e.ReasonCodes = reason.ToString();
        e.Comment = text;
        e.LineCount = refused.Count;
    }

    /// <summary>The customer gives up porting refused numbers (those not already taken into a follow-up).</summary>
    public void WithdrawNumbers(Actor actor, IReadOnlyCollection<Guid> lineIds, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireRole(actor, ActorRole.AccountAdmin);
        var lines = RefusedAmong(lineIds, "Withdraw");
        foreach (var line in lines)
        {
            line.Withdraw();
        }

        Record(actor, nowUtc, PortRequestEventKind.NumbersWithdrawn, Status).LineCount = lines.Count;
    }

    /// <summary>
    /// The customer takes refused numbers into a new request, a draft linked to this one: same carrier, carrier
    /// account, address and holder, the numbers with their RIOs, to be fixed (a RIO, the holder...) and signed again.
    /// The numbers stay refused here, marked as taken up; deleting the draft gives them back (<see cref="FollowUpDeleted"/>).
    /// </summary>
    public PortRequest StartFollowUp(Guid followUpId, Actor actor, IReadOnlyCollection<Guid> lineIds, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireRole(actor, ActorRole.AccountAdmin);
        var lines = RefusedAmong(lineIds, "FollowUp");
        var followUp = StartDraft(followUpId, AccountId, actor, nowUtc);
        followUp.FollowUpOfId = Id;
        followUp.FollowUpOfReference = Reference;
        followUp.NumberType = NumberType;
        followUp.CarrierCode = CarrierCode;
        followUp.CarrierOtherName = CarrierOtherName;
        followUp.CarrierAccountNumber = CarrierAccountNumber;
        followUp.InternetConnection = InternetConnection;
        followUp.SharedLine = SharedLine;
        followUp.LinesSeparatedConfirmed = LinesSeparatedConfirmed;
        followUp.ServiceAddress = ServiceAddress is null ? null : ServiceAddress with { }; // a copy: each request owns its own
        followUp.AccountHolder = AccountHolder is null ? null : AccountHolder with { };
        var position = 0;
        foreach (var line in lines.OrderBy(l => l.Position))
        {
            followUp._lines.Add(new PortLine(Guid.CreateVersion7(nowUtc), AccountId, followUpId, position++, line.Number, line.Rio));
            line.TakeUpIn(followUpId);
        }

        // The proof of the same holder goes with them (when the documents were loaded): the same bill is not asked twice.
        foreach (var document in _documents)
        {
            followUp._documents.Add(document.CopyFor(followUp, Guid.CreateVersion7(nowUtc)));
            followUp.DocumentCount++;
            followUp.BillCount += document.Kind == DocumentKind.CarrierBill ? 1 : 0;
        }

        var e = Record(actor, nowUtc, PortRequestEventKind.FollowUpStarted, Status);
        e.LineCount = lines.Count;
        e.FollowUpRequestId = followUpId;
        return followUp;
    }

    /// <summary>The follow-up draft <paramref name="followUpId"/> was deleted: its numbers await the customer's decision here again.</summary>
    public void FollowUpDeleted(Guid followUpId, DateTime nowUtc)
    {
        var released = false;
        foreach (var line in _lines.Where(l => l.FollowUpRequestId == followUpId))
        {
            line.ReleaseFollowUp();
            released = true;
        }

        if (released)
        {
            Touch(nowUtc);
        }
    }

    /// <summary>The lines of <paramref name="numbers"/>, each of which must be a number of this request still to port.</summary>
    private List<PortLine> LinesToPortAmong(IReadOnlyCollection<FrenchNumber> numbers, string action)
    {
        if (numbers.Count == 0)
        {
            throw new DomainException($"{action}.NoNumber", "Name at least one number.");
        }

        var byNumber = _lines.ToDictionary(l => l.Number.E164, StringComparer.Ordinal);
        var lines = new List<PortLine>(numbers.Count);
        foreach (var number in numbers.DistinctBy(n => n.E164))
        {
            if (!byNumber.TryGetValue(number.E164, out var line))
            {
                throw new DomainException($"{action}.NotInRequest", $"{number.Masked} is not a number of this request.");
            }

            if (!line.Status.IsToPort())
            {
                throw new DomainException($"{action}.NotToPort", $"{number.Masked} already has its outcome.");
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The lines <paramref name="lineIds"/>, each of which must be refused and await the customer's decision.</summary>
    private List<PortLine> RefusedAmong(IReadOnlyCollection<Guid>? lineIds, string action)
    {
        if (Status == PortRequestStatus.Draft)
        {
            throw new DomainException("PortRequest.InvalidTransition", "A draft has no refused numbers.");
        }

        if (lineIds is null || lineIds.Count == 0)
        {
            throw new DomainException($"{action}.NoNumber", "Choose at least one refused number.");
        }

        var ids = lineIds.ToHashSet();
        var lines = _lines.Where(l => ids.Contains(l.Id)).ToList();
        if (lines.Count != ids.Count || lines.Any(l => !l.AwaitsCustomer))
        {
            throw new DomainException($"{action}.NotRefused", "Only refused numbers not yet withdrawn or followed up can be chosen.");
        }

        return lines;
    }
}
