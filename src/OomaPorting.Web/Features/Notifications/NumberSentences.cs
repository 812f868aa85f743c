using OomaPorting.Web.Features.PortingStatus;
using OomaPorting.Web.Infrastructure.Localization;

namespace OomaPorting.Web.Features.Notifications;

/// <summary>
/// The sentences about a request's numbers that its e-mails share: lists cut at <see cref="MaxListed"/>, the refused
/// numbers with their reasons, a completed port's outcome counted apart (ported, refused by the carrier, failed at the
/// test call), the advice on the old carrier's contract, and the numbers ported at a partly failed test call.
/// </summary>
internal static class NumberSentences
{
    /// <summary>The refused numbers awaiting the customer, each with its reason.</summary>
    public static List<string> Refused(IStringLocalizer t, PortRequest r) =>
        Listed(t, r.LinesAwaitingCustomer.OrderBy(l => l.Position).Select(l => t["Email.NumbersRefused.Line", l.Number.Display, t[$"Reason.{l.RefusalReason}"]].Value));

    /// <summary>A list of numbers as an e-mail shows it: the first <see cref="MaxListed"/>, then how many more (the page has them all).</summary>
    public static List<string> Listed(IStringLocalizer t, IEnumerable<string> items)
    {
        var all = items.ToList();
        return all.Count <= MaxListed ? all : [.. all.Take(MaxListed), t.Plural("Email.MoreNumbers", all.Count - MaxListed)];
    }

    /// <summary>
    /// A completed port with numbers not ported says how many were ported, which the carrier refused and which
    /// failed the test call, apart ("98 numéros portés ; 1 refusé par votre opérateur : … ; 1 en échec à l'appel test : …").
    /// </summary>
    public static IEnumerable<string> RefusedSummary(IStringLocalizer t, PortRequest r)
    {
        var refused = r.Lines.Where(l => l.Status == PortLineStatus.Refused).OrderBy(l => l.Position).ToList();
        if (refused.Count == 0)
        {
            yield break;
        }

        string Listed(List<PortLine> lines) => string.Join(", ", lines.Take(MaxListed).Select(l => l.Number.Display))
            + (lines.Count > MaxListed ? " …" : string.Empty);
        var byCarrier = refused.Where(l => l.Outcome == NumberOutcome.Refused).ToList();
        var atTestCall = refused.Where(l => l.Outcome == NumberOutcome.FailedTestCall).ToList();
        List<string> parts = [];
        if (byCarrier.Count > 0)
        {
            parts.Add(t.Plural("Email.Completed.Refused", byCarrier.Count, Listed(byCarrier)));
        }

        if (atTestCall.Count > 0)
        {
            parts.Add(t.Plural("Email.Completed.FailedTestCall", atTestCall.Count, Listed(atTestCall)));
        }

        yield return t.Plural("Email.Completed.Ported", r.Lines.Count(l => l.Outcome == NumberOutcome.Ported)) + " "
            + string.Join(t["Email.Completed.Separator"].Value, parts) + ".";
        if (refused.Any(l => l.AwaitsCustomer))
        {
            yield return t["Email.NumbersRefused.Do"].Value;
        }
    }

    /// <summary>
    /// End the old carrier's other services now, or not yet: while numbers of the same carrier account are still
    /// moving (<see cref="OldCarrierAdvice"/>), the e-mail says which and waits.
    /// </summary>
    public static string OldCarrier(IStringLocalizer t, IReadOnlyList<OldCarrierAdvice.StillPorting> still)
    {
        if (still.Count == 0)
        {
            return t["Email.Completed.OldCarrier"].Value;
        }

        var listed = OldCarrierAdvice.Describe(still, t["OldCarrier.FollowUpDraft"].Value, t["Email.Completed.Separator"].Value);
        return t.Plural("Email.Completed.OldCarrier.Wait", still.Sum(s => s.Numbers.Count), listed);
    }

    /// <summary>After a test call that failed for some numbers only: those that passed are active already.</summary>
    public static IEnumerable<string> PortedNow(IStringLocalizer t, PortRequest r, PortRequestEvent? e)
    {
        var ported = e is null ? 0 : r.Lines.Count(l => l.PortedAtUtc == e.OccurredAtUtc);
        return ported > 0 ? [t.Plural("Email.TestCallFailed.PortedNow", ported)] : [];
    }

    /// <summary>Past this, a list of numbers in an e-mail ends with how many more (the page has them all).</summary>
    public const int MaxListed = 50;
}
