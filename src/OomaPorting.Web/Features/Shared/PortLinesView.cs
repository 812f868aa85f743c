using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace OomaPorting.Web.Features;

/// <summary>
/// The numbers of a request as the pages list them (<c>_PortLines.cshtml</c>): each number with a RIO on its own row
/// (the main line first), the others as runs of consecutive numbers of the same outcome, one row each. Past
/// <see cref="RowsPerPage"/> rows the list is paged, and where outcomes are shown it can be filtered by outcome, both
/// by links (<c>?numeros=Refused&amp;page-numeros=2</c>), without script. Anything else in the query is ignored.
/// </summary>
public sealed class PortLinesView
{
    public const int RowsPerPage = 100;
    public const string FilterKey = "numeros";
    public const string PageKey = "page-numeros";

    /// <summary>One row: a single number, or a run of <see cref="Count"/> consecutive numbers sharing an outcome.</summary>
    public sealed record Row(PortLine First, NumberBlock Block)
    {
        public int Count => Block.Count;
    }

    private PortLinesView(IReadOnlyList<Row> rows, IReadOnlyList<(NumberOutcome Outcome, int Count)> counts, NumberOutcome? filter, int page,
        bool showRio, bool showStatus)
    {
        AllRows = rows;
        Counts = counts;
        Filter = filter;
        Page = page;
        ShowRio = showRio;
        ShowStatus = showStatus;
    }

    public IReadOnlyList<Row> AllRows { get; }

    /// <summary>How many numbers have each outcome (the filter's choices), in the outcomes' order (<see cref="NumberOutcomes.Count"/>).</summary>
    public IReadOnlyList<(NumberOutcome Outcome, int Count)> Counts { get; }

    public NumberOutcome? Filter { get; }

    public int Page { get; }

    public bool ShowRio { get; }

    public bool ShowStatus { get; }

    public int PageCount => Math.Max(1, (AllRows.Count + RowsPerPage - 1) / RowsPerPage);

    public IEnumerable<Row> Rows => AllRows.Skip((Page - 1) * RowsPerPage).Take(RowsPerPage);

    /// <summary>The view of <paramref name="lines"/> for the filter and page asked in <paramref name="query"/> (when outcomes are shown).</summary>
    public static PortLinesView For(IReadOnlyList<PortLine> lines, bool showRio, bool showStatus, IQueryCollection? query)
    {
        ArgumentNullException.ThrowIfNull(lines);
        NumberOutcome? filter = null;
        if (showStatus && query?[FilterKey].ToString() is { Length: > 0 } asked
            && Enum.TryParse<NumberOutcome>(asked, ignoreCase: false, out var outcome) && Enum.IsDefined(outcome) && asked == outcome.ToString())
        {
            filter = outcome;
        }

        var chosen = filter is { } f ? lines.Where(l => l.Outcome == f) : lines;
        var singles = chosen.Where(l => l.IsMainLine || l.Rio is not null).OrderBy(l => l.Position)
            .Select(l => new Row(l, NumberBlock.Group([l.Number])[0]));
        var runs = chosen.Where(l => !l.IsMainLine && l.Rio is null)
            .GroupBy(l => (l.Outcome, l.RefusalReason, l.FollowUpRequestId)).OrderBy(g => g.Key.Outcome)
            .SelectMany(g => NumberBlock.Group(g.Select(l => l.Number)).Select(b => new Row(g.First(), b)));
        var rows = singles.Concat(runs).ToList();
        var counts = NumberOutcomes.Count(lines);
        var page = int.TryParse(query?[PageKey].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
        var pages = Math.Max(1, (rows.Count + RowsPerPage - 1) / RowsPerPage);
        return new PortLinesView(rows, counts, filter, Math.Clamp(page, 1, pages), showRio, showStatus);
    }

    /// <summary>The link to <paramref name="page"/> of <paramref name="filter"/>'s numbers, on the same page, at the list.</summary>
    public static string Link(NumberOutcome? filter, int page) =>
        "?" + string.Join('&', new[]
        {
            filter is { } f ? $"{FilterKey}={f}" : null,
            page > 1 ? $"{PageKey}={page.ToString(CultureInfo.InvariantCulture)}" : null,
        }.Where(x => x is not null)) + "#numeros";
}
