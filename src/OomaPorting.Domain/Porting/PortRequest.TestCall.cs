using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Porting;

/// <summary>The test call: support starts it on the FOC day and records its outcome, for every number or some of them.</summary>
public sealed partial class PortRequest
{
    /// <summary>Support starts the test call, on or after the FOC date.</summary>
    public void StartTestCall(Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireMay(PortAction.StartTestCall, actor, nowUtc);

        Transition(actor, nowUtc, PortRequestEventKind.TestCallStarted, PortRequestStatus.TestCall);
    }

    /// <summary>The test call passed for every number still to port: they are ported and the request is complete.</summary>
    /// <returns>The numbers ported now, which join the account (<c>Account.AddPortedNumbers</c>).</returns>
    public IReadOnlyList<PortLine> RecordTestCallPassed(Actor actor, DateTime nowUtc, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireMay(PortAction.RecordTestCall, actor, nowUtc);
        var note = DomainText.Clean(comment, "Comment", MaxCommentLength, required: false);
        var ported = LinesToPort.ToList();
        foreach (var line in ported)
        {
            line.MarkPorted(nowUtc);
        }

        CompletedAtUtc = nowUtc;
        var e = Transition(actor, nowUtc, PortRequestEventKind.TestCallPassed, PortRequestStatus.Completed);
        e.TestCallPassed = true;
        e.Comment = NullIfEmpty(note);
        e.LineCount = ported.Count;
        return ported;
    }

    /// <summary>
    /// The test call failed, for every number still to port or only for <paramref name="failedNumbers"/>, and the
    /// carrier gave a new date: the numbers that passed are ported now, the failed ones wait for the new date.
    /// </summary>
    /// <returns>The numbers ported now.</returns>
    public IReadOnlyList<PortLine> RecordTestCallFailedWithNewDate(Actor actor, string note, DateOnly newFocDate, BusinessCalendar calendar,
        DateTime nowUtc, IReadOnlyCollection<FrenchNumber>? failedNumbers = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(calendar);
        RequireMay(PortAction.RecordTestCall, actor, nowUtc);
        var text = DomainText.Clean(note, "Comment", MaxCommentLength);
        RequireValidFocDate(newFocDate, calendar, nowUtc);
        var (failed, passed) = TestCallResults(failedNumbers);
        foreach (var line in passed)
        {
            line.MarkPorted(nowUtc);
        }

        foreach (var line in failed)
        {
            line.MarkTestFailed();
        }

        var old = FocDate;
        FocDate = newFocDate;
        var e = Transition(actor, nowUtc, PortRequestEventKind.TestCallFailed, PortRequestStatus.FocConfirmed);
        e.TestCallPassed = false;
        e.OldFocDate = old;
        e.NewFocDate = newFocDate;
        e.Comment = text;
        e.LineCount = failed.Count;
        return passed;
    }

    /// <summary>
    /// The test call failed because of something only the customer can fix. When nothing is ported (neither now nor
    /// before), the request goes back to the customer as a whole; otherwise the numbers that passed are ported, the
    /// failed ones are refused with the reason (the customer withdraws them or takes them into a follow-up) and the
    /// request completes with what was ported.
    /// </summary>
    /// <returns>The numbers ported now.</returns>
    public IReadOnlyList<PortLine> RecordTestCallFailedActionRequired(Actor actor, string note, IReadOnlyCollection<ReasonCode> reasons,
        DateTime nowUtc, IReadOnlyCollection<FrenchNumber>? failedNumbers = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireMay(PortAction.RecordTestCall, actor, nowUtc);
        var text = DomainText.Clean(note, "Comment", MaxCommentLength);
        var codes = RequireReasons(reasons, text);
        var (failed, passed) = TestCallResults(failedNumbers);
        var old = FocDate;
        PortRequestEvent e;
        if (passed.Count == 0 && !_lines.Any(l => l.Status == PortLineStatus.Ported))
        {
            foreach (var line in failed)
            {
                line.BackToPending();
            }

            FocDate = null;
            _actionReasons = codes;
            ActionMessage = text;
            e = Transition(actor, nowUtc, PortRequestEventKind.TestCallFailed, PortRequestStatus.ActionRequired);
        }
        else
        {
            foreach (var line in passed)
            {
                line.MarkPorted(nowUtc);
            }

            foreach (var line in failed)
            {
                line.Refuse(codes[0], text, failedTestCall: true);
            }

            CompletedAtUtc = nowUtc;
            e = Transition(actor, nowUtc, PortRequestEventKind.TestCallFailed, PortRequestStatus.Completed);
        }

        e.TestCallPassed = false;
        e.OldFocDate = old;
        e.ReasonCodes = string.Join(',', codes);
        e.Comment = text;
        e.LineCount = failed.Count;
        return passed;
    }

    /// <summary>Which numbers failed the test call (all still to port when none is named) and which passed.</summary>
    private (List<PortLine> Failed, List<PortLine> Passed) TestCallResults(IReadOnlyCollection<FrenchNumber>? failedNumbers)
    {
        var failed = failedNumbers is { Count: > 0 } ? LinesToPortAmong(failedNumbers, "TestCall") : LinesToPort.ToList();
        var failedIds = failed.Select(l => l.Id).ToHashSet();
        return (failed, [.. LinesToPort.Where(l => !failedIds.Contains(l.Id))]);
    }
}
