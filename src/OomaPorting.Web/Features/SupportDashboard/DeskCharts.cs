using System.Globalization;
using System.Net;
using ScottPlot;

namespace OomaPorting.Web.Features.SupportDashboard;

/// <summary>
/// The dashboard's charts, drawn on the server by ScottPlot as SVG (no script, nothing for the CSP to allow), each
/// named for screen readers by its title. The same figures are on the page as tables: the charts add nothing a table
/// does not say, and no colour carries meaning alone.
/// </summary>
public static class DeskCharts
{
    private const int Width = 640;
    private const int Height = 280;
    private static readonly Color Blue = Color.FromHex("#0b5cad");
    private static readonly Color Green = Color.FromHex("#1f7a3a");
    private static readonly Color Grey = Color.FromHex("#6c757d");

    /// <summary>Outside the promise: a light fill with a dark outline, 5:1 against the promise's dark green without colour.</summary>
    private static readonly Color Light = Color.FromHex("#e9ecef");

    public sealed record Drawings(string Flow, string Durations, string Reasons, string Carriers);

    public static Drawings Draw(GetDeskDashboard.Model model, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        return new Drawings(Flow(model, text), Durations(model, text), Reasons(model, text), Carriers(model, text));
    }

    private static string Flow(GetDeskDashboard.Model model, IStringLocalizer text)
    {
        var plot = new Plot();
        double[] xs = [.. Enumerable.Range(0, model.Flow.Count).Select(i => (double)i)];
        var submitted = plot.Add.Scatter(xs, [.. model.Flow.Select(w => (double)w.Submitted)]);
        submitted.LegendText = text["Desk.Flow.Submitted"];
        submitted.Color = Blue;
        submitted.LineWidth = 2;
        var completed = plot.Add.Scatter(xs, [.. model.Flow.Select(w => (double)w.Completed)]);
        completed.LegendText = text["Desk.Flow.Completed"];
        completed.Color = Green;
        completed.LineWidth = 2;
        completed.LinePattern = LinePattern.Dashed; // told apart without colour
        completed.MarkerShape = MarkerShape.FilledSquare;
        // Every other week is named: twelve dates side by side ran into each other.
        var named = xs.Where(x => (xs.Length - 1 - (int)x) % 2 == 0).ToArray();
        plot.Axes.Bottom.SetTicks(named, [.. named.Select(x => model.Flow[(int)x].Monday.ToString("d MMM", CultureInfo.CurrentCulture))]);
        plot.YLabel(text["Desk.Flow.Axis"]);
        WholeNumbers(plot.Axes.Left);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.Margins(bottom: 0);
        return Svg(plot, text["Desk.Flow.Title"]);
    }

    private static string Durations(GetDeskDashboard.Model model, IStringLocalizer text)
    {
        var plot = new Plot();
        var buckets = model.Durations.Buckets;
        // The promise's buckets are told apart by lightness (dark and filled against light and outlined) and named in the
        // legend: never by hue alone.
        var bars = buckets.Select((b, i) => new Bar
        {
            Position = i, Value = b.Count, FillColor = b.IsPromise ? Green : Light, LineColor = b.IsPromise ? Green : Grey, LineWidth = 2,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = text["Desk.Durations.InPromise"], FillColor = Green, LineColor = Green, LineWidth = 2 });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = text["Desk.Durations.OutOfPromise"], FillColor = Light, LineColor = Grey, LineWidth = 2 });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Bottom.SetTicks([.. buckets.Select((_, i) => (double)i)], [.. buckets.Select(b => BucketLabel(b, text))]);
        plot.YLabel(text["Desk.Durations.Axis"]);
        WholeNumbers(plot.Axes.Left);
        plot.Axes.Margins(bottom: 0);
        return Svg(plot, text["Desk.Durations.Title"]);
    }

    private static string Reasons(GetDeskDashboard.Model model, IStringLocalizer text)
    {
        var plot = new Plot();
        var reasons = model.Reasons.Reverse().ToList();
        var bars = reasons.Select((r, i) => new Bar { Position = i, Value = r.Count, FillColor = Blue }).ToList();
        var added = plot.Add.Bars(bars);
        added.Horizontal = true;
        plot.Axes.Left.SetTicks([.. reasons.Select((_, i) => (double)i)], [.. reasons.Select(r => Short(text[$"Reason.{r.Code}"].Value))]);
        plot.XLabel(text["Desk.Reasons.Axis"]);
        WholeNumbers(plot.Axes.Bottom);
        plot.Axes.Margins(left: 0);
        return Svg(plot, text["Desk.Reasons.Title"]);
    }

    private static string Carriers(GetDeskDashboard.Model model, IStringLocalizer text)
    {
        var plot = new Plot();
        var carriers = model.Carriers;
        var bars = carriers.Select((c, i) => new Bar { Position = i, Value = c.Volume, FillColor = Blue }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. carriers.Select((_, i) => (double)i)], [.. carriers.Select(c => c.Name)]);
        plot.YLabel(text["Desk.Carriers.Axis"]);
        WholeNumbers(plot.Axes.Left);
        plot.Axes.Margins(bottom: 0);
        return Svg(plot, text["Desk.Carriers.Title"]);
    }

    public static string BucketLabel(GetDeskDashboard.Bucket bucket, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentNullException.ThrowIfNull(text);
        return bucket.ToDays is { } to ? text["Desk.Durations.Bucket", bucket.FromDays, to] : text["Desk.Durations.BucketOpen", bucket.FromDays];
    }

    /// <summary>Counts are whole: no "2,5 demandes" on an axis.</summary>
    private static void WholeNumbers(IAxis axis) => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>An axis label short enough to leave the chart its room (the table beside it has the full text).</summary>
    private static string Short(string text) => text.Length <= 34 ? text : string.Concat(text.AsSpan(0, 33).TrimEnd(), "…");

    /// <summary>The plot as an inline SVG element named by <paramref name="title"/>, scaling to its container.</summary>
    private static string Svg(Plot plot, string title)
    {
        var xml = plot.GetSvgXml(Width, Height);
        var start = xml.IndexOf("<svg", StringComparison.Ordinal);
        var label = WebUtility.HtmlEncode(title);
        return string.Create(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{label}\" viewBox=\"0 0 {Width} {Height}\" class=\"desk-chart\"{xml[(start + 4)..]}");
    }
}
