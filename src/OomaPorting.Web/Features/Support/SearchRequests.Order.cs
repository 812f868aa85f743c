namespace OomaPorting.Web.Features.Support;

/// <summary>The queue's orders: the sorts, the urgency tiers walked one at a time, and the cursor that pages them.</summary>
public static partial class SearchRequests
{
    /// <summary>
    /// <paramref name="requests"/> in the order of <paramref name="sort"/>, starting after the row the cursor names:
    /// "at or after the last key, and past the last row", so the index range starts at the cursor and ties on the
    /// key are broken by the id, the same way in the filter and in the order. The urgency order takes no cursor: its
    /// pages are walked one tier at a time (<see cref="Tier"/>).
    /// </summary>
    public static IQueryable<PortRequest> Sorted(IQueryable<PortRequest> requests, string sort, SlaCutoffs cutoffs, string? after = null)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        var hasCursor = KeysetCursor.TryRead(after, out _, out var key, out var lastId);
        switch (sort)
        {
            case SortByFoc:
                requests = requests.Where(r => r.FocDate != null);
                if (hasCursor)
                {
                    var foc = DateOnly.FromDayNumber((int)Math.Clamp(key, 0, DateOnly.MaxValue.DayNumber));
                    requests = requests.Where(r => r.FocDate >= foc && (r.FocDate > foc || r.Id.CompareTo(lastId) > 0));
                }

                return requests.OrderBy(r => r.FocDate).ThenBy(r => r.Id);
            case SortByAge:
                requests = requests.Where(r => r.SubmittedAtUtc != null);
                if (hasCursor)
                {
                    var submitted = new DateTime(key, DateTimeKind.Utc);
                    requests = requests.Where(r => r.SubmittedAtUtc >= submitted && (r.SubmittedAtUtc > submitted || r.Id.CompareTo(lastId) > 0));
                }

                return requests.OrderBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id);
            default:
                // The queue's pages in this order go through Tier, one urgency at a time; the whole order (the
                // export) has no cursor.
                requests = requests.Where(r => r.SubmittedAtUtc != null);
                return requests.OrderBy(cutoffs.Urgency()).ThenBy(r => r.SubmittedAtUtc).ThenBy(r => r.Id);
        }
    }

    /// <summary>
    /// The requests of one urgency tier, oldest submission first, after the cursor when it points into this tier: a
    /// walk of the queue's index in submission order that stops at the page's end.
    /// </summary>
    public static IQueryable<PortRequest> Tier(IQueryable<PortRequest> filtered, Urgency tier, SlaCutoffs cutoffs, string? after = null)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        var inTier = ExpressionInliner.Inline<PortRequest, Urgency, bool>((r, u) => u == tier, cutoffs.Urgency());
        return Sorted(filtered.Where(inTier), SortByAge, cutoffs, KeysetCursor.TryRead(after, out var rank, out _, out _) && rank == (int)tier ? after : null);
    }

    /// <summary>The first <paramref name="count"/> ids of each tier after <paramref name="tier"/>, each tier walked on its own.</summary>
    public static IQueryable<Guid> TiersAfter(IQueryable<PortRequest> filtered, Urgency tier, SlaCutoffs cutoffs, int count)
    {
        var ids = Tier(filtered, tier + 1, cutoffs).Take(count).Select(r => r.Id);
        for (var next = tier + 2; next <= Urgency.Later; next++)
        {
            ids = ids.Concat(Tier(filtered, next, cutoffs).Take(count).Select(r => r.Id));
        }

        return ids;
    }
}
