using OomaPorting.Domain.Numbers;

namespace OomaPorting.Web.Features.PortingStatus;

/// <summary>
/// When a completed request may tell its customer to end the old carrier's other services (the guide's warning: doing
/// it while numbers of the same carrier account are still moving can lose them). Not before every number of that
/// carrier account has an outcome: this request's refused numbers (awaiting the customer, or taken into a follow-up)
/// and the numbers still to port of the account's other requests with the same carrier and carrier account (under
/// way, or a follow-up draft) all say "wait". The status page and the completion e-mail ask this one rule.
/// </summary>
public static class OldCarrierAdvice
{
    /// <summary>Numbers of a request still with the old carrier (<paramref name="Reference"/> is null for an unsent follow-up).</summary>
    public sealed record StillPorting(Guid RequestId, string? Reference, IReadOnlyList<FrenchNumber> Numbers);

    /// <summary>What is still with the old carrier for <paramref name="r"/>'s carrier account; empty when the customer may end the contract.</summary>
    public static async Task<IReadOnlyList<StillPorting>> StillPortingAsync(AppDbContext db, PortRequest r, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(r);
        List<StillPorting> still = [];
        var refused = r.Lines.Where(l => l.Status == PortLineStatus.Refused).OrderBy(l => l.Position).Select(l => l.Number).ToList();
        if (refused.Count > 0)
        {
            still.Add(new StillPorting(r.Id, r.Reference, refused));
        }

        var underWay = PortRequestStatuses.UnderWay.ToList();
        var toPort = new[] { PortLineStatus.Pending, PortLineStatus.Confirmed, PortLineStatus.TestFailed };
        var others = await db.PortRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.AccountId == r.AccountId && o.Id != r.Id && o.CarrierCode == r.CarrierCode && o.CarrierAccountNumber == r.CarrierAccountNumber
                && (underWay.Contains(o.Status) || (o.Status == PortRequestStatus.Draft && o.FollowUpOfId != null)))
            .OrderBy(o => o.CreatedAtUtc)
            .Select(o => new { o.Id, o.Reference, Numbers = o.Lines.Where(l => toPort.Contains(l.Status)).OrderBy(l => l.Position).Select(l => l.Number).ToList() })
            .ToListAsync(ct);
        foreach (var o in others.Where(o => o.Numbers.Count > 0))
        {
            // A follow-up's numbers are this request's refused ones already listed: each number is named once.
            var fresh = o.Numbers.Where(n => !refused.Contains(n)).ToList();
            if (fresh.Count > 0)
            {
                still.Add(new StillPorting(o.Id, o.Reference, fresh));
            }
        }

        return still;
    }

    /// <summary>Numbers the advice names, page and e-mail alike; the request's page lists them all.</summary>
    public const int MaxNumbersNamed = 50;

    /// <summary>The numbers of <paramref name="still"/> in words: "POR-2026-000123 : 01 45 …, 01 45 … ; POR-…", at most <see cref="MaxNumbersNamed"/>.</summary>
    public static string Describe(IReadOnlyList<StillPorting> still, string thisRequest, string separator)
    {
        ArgumentNullException.ThrowIfNull(still);
        var left = MaxNumbersNamed;
        var parts = new List<string>();
        foreach (var s in still)
        {
            var shown = s.Numbers.Take(Math.Max(0, left)).Select(n => n.Display).ToList();
            left -= shown.Count;
            if (shown.Count > 0)
            {
                parts.Add($"{s.Reference ?? thisRequest} : {string.Join(", ", shown)}{(shown.Count < s.Numbers.Count ? " …" : string.Empty)}");
            }
        }

        return string.Join(separator, parts);
    }
}
