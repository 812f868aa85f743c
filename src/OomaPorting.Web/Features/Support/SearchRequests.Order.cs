using System.Globalization;
using System.Text;

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
        var hasCursor = Cursor.TryRead(after, out _, out var key, out var lastId);
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
        return Sorted(filtered.Where(inTier), SortByAge, cutoffs, Cursor.TryRead(after, out var rank, out _, out _) && rank == (int)tier ? after : null);
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

    /// <summary>The urgency, sort key and id of the last row shown, as one opaque URL-safe token.</summary>
    internal static class Cursor
    {
        public static string Write(int rank, long key, Guid id) =>
            Convert.ToBase64String(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{rank}_{key}_{id:N}")))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static bool TryRead(string? token, out int rank, out long key, out Guid id)
        {
            rank = 0;
            key = 0;
            id = Guid.Empty;
            if (string.IsNullOrEmpty(token) || token.Length > 120)
            {
                return false;
            }

            try
            {
                var base64 = token.Replace('-', '+').Replace('_', '/');
                base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
                var parts = Encoding.ASCII.GetString(Convert.FromBase64String(base64)).Split('_');
                return parts.Length == 3
                    && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out rank)
                    && rank is >= 0 and <= 2
                    && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out key)
                    && key is >= 0 and < 3155378975999999999
                    && Guid.TryParseExact(parts[2], "N", out id);
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
