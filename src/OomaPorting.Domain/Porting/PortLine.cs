using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// One number to port, with its RIO and its own outcome (<see cref="PortLineStatus"/>). The first line of a request is
/// the main line (NDI) of the carrier account. Only <see cref="PortRequest"/> changes a line, so that the request's
/// status and its numbers' always agree.
/// </summary>
public sealed class PortLine
{
    /// <summary>As long as any note on a request: a test call's note becomes its failed numbers' refusal comment.</summary>
    public const int MaxRefusalCommentLength = PortRequest.MaxCommentLength;

    internal PortLine(Guid id, Guid accountId, Guid portRequestId, int position, FrenchNumber number, Rio? rio)
    {
        Id = id;
        AccountId = accountId;
        PortRequestId = portRequestId;
        Position = position;
        Number = number;
        Rio = rio;
        Status = PortLineStatus.Pending;
    }

    private PortLine()
    {
        Number = null!;
    }

    public Guid Id { get; private set; }

    public Guid AccountId { get; private set; }

    public Guid PortRequestId { get; private set; }

    /// <summary>0 for the main line, then the order the customer gave.</summary>
    public int Position { get; private set; }

    public bool IsMainLine => Position == 0;

    public FrenchNumber Number { get; private set; }

    public Rio? Rio { get; private set; }

    public PortLineStatus Status { get; private set; }

    /// <summary>Why the carrier refused the number (with <see cref="PortLineStatus.Refused"/>).</summary>
    public ReasonCode? RefusalReason { get; private set; }

    /// <summary>The carrier's words on the refusal, for the customer.</summary>
    public string? RefusalComment { get; private set; }

    /// <summary>
    /// Refused because it failed the test call for a cause only the customer can fix, not by the losing carrier:
    /// pages, e-mails, counts and exports keep the two outcomes apart (the rules for a refused number are the same).
    /// </summary>
    public bool FailedTestCall { get; private set; }

    /// <summary>What became of the number, as every surface names it (<see cref="NumberOutcomes.Of"/>).</summary>
    public NumberOutcome Outcome => NumberOutcomes.Of(Status, FailedTestCall);

    /// <summary>When the number joined the account.</summary>
    public DateTime? PortedAtUtc { get; private set; }

    /// <summary>The follow-up request a refused number was taken into (null: not taken up).</summary>
    public Guid? FollowUpRequestId { get; private set; }

    /// <summary>Refused, and neither withdrawn nor taken into a follow-up: the customer has something to decide.</summary>
    public bool AwaitsCustomer => Status == PortLineStatus.Refused && FollowUpRequestId is null;

    internal void ChangeRio(Rio? rio) => Rio = rio;

    /// <summary>Another number entered at this place: the line starts afresh with it.</summary>
    internal void Renumber(FrenchNumber number, Rio? rio)
    {
        Number = number;
        Rio = rio;
        PortedAtUtc = null;
        BackToPending();
    }

    internal void Confirm() => Status = PortLineStatus.Confirmed;

    internal void BackToPending()
    {
        Status = PortLineStatus.Pending;
        RefusalReason = null;
        RefusalComment = null;
        FailedTestCall = false;
        FollowUpRequestId = null;
    }

    internal void MarkPorted(DateTime nowUtc)
    {
        Status = PortLineStatus.Ported;
        PortedAtUtc = nowUtc;
    }

    internal void MarkTestFailed() => Status = PortLineStatus.TestFailed;

    internal void Refuse(ReasonCode reason, string comment, bool failedTestCall = false)
    {
        Status = PortLineStatus.Refused;
        FailedTestCall = failedTestCall;
        RefusalReason = reason;
        RefusalComment = DomainText.Clean(comment, "Comment", MaxRefusalCommentLength);
    }

    internal void Withdraw() => Status = PortLineStatus.Withdrawn;

    internal void TakeUpIn(Guid followUpRequestId) => FollowUpRequestId = followUpRequestId;

    internal void ReleaseFollowUp() => FollowUpRequestId = null;

    internal void MarkCancelled() => Status = PortLineStatus.Cancelled;

    /// <summary>Forgets the carrier's own words (they may name people); the reason code stays.</summary>
    internal void EraseRefusalComment() => RefusalComment = null;
}
