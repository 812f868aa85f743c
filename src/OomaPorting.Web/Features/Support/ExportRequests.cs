using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Features.Support;

/// <summary>
/// The filtered queue as CSV (<see cref="CsvFormat"/>): the queue's own filters and sort (<see cref="SearchRequests.Filter"/>),
/// every matching row and not one page, read and written row by row so a million rows cost what a hundred do in memory.
/// Statuses, whose turn and late reasons are in words, in the reader's language.
/// </summary>
public static class ExportRequests
{
    public sealed record Query(SearchRequests.Query Filters) : IStreamQuery<Line>;

    public sealed record Line(string? Reference, string CompanyName, string? CarrierCode, NumberType? NumberType, string? CarrierOtherName,
        int LineCount, PortRequestStatus Status, DateTime? SubmittedAtUtc, DateOnly? FocDate, DateOnly? RequestedPortDate,
        string? AssignedToName, LateReason Late, DateTime? DocumentsCheckedAtUtc)
    {
        /// <summary>Whose move the request waits for today (<see cref="TurnRule"/>), set as the line is read.</summary>
        public Turn WhoseTurn { get; init; }
    }

    public sealed class Handler(AppDbContext db, BusinessCalendar calendar, TimeProvider time, ICurrentActor current, IOptions<Infrastructure.Settings.SlaOptions> sla)
        : IStreamQueryHandler<Query, Line>
    {
        public async IAsyncEnumerable<Line> Handle(Query query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            var cutoffs = SlaCutoffs.At(time.GetUtcNow().UtcDateTime, calendar, sla.Value.Limits);
            var requests = SearchRequests.Sorted(SearchRequests.Filter(db, query.Filters, cutoffs, current.Actor.UserId), query.Filters.EffectiveSort, cutoffs);
            var lines = requests.Select(ExpressionInliner.Inline<PortRequest, LateReason, Line>((r, late) => new Line(r.Reference,
                db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.CompanyName).First(),
                r.CarrierCode, r.NumberType, r.CarrierOtherName, r.Lines.Count(), r.Status, r.SubmittedAtUtc, r.FocDate, r.RequestedPortDate,
                r.AssignedToName, late, r.DocumentsCheckedAtUtc), cutoffs.Reason()));
            await foreach (var line in lines.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return line with { WhoseTurn = TurnRule.Of(line.Status, line.DocumentsCheckedAtUtc, line.FocDate, cutoffs.Today) };
            }
        }
    }

    /// <summary>Writes the header and <paramref name="lines"/> to <paramref name="output"/> as they come.</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<Line> lines, CsvWriterOptions format, IStringLocalizer text, SlaLimits limits,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(limits);
        await using var csv = CsvWriter.Create(output, format, leaveOpen: true);
        await csv.WriteRecordAsync([text["Status.Reference"], text["Support.Account"], text["Status.Carrier"], text["Support.Numbers"],
            text["Status.Status"], text["Support.Turn"], text["Support.Submitted"], text["Status.FocDate"], text["Support.RequestedDate"],
            text["Support.Assignee"], text["Support.Csv.Late"]], ct);
        await foreach (var line in lines.WithCancellation(ct))
        {
            csv.WriteText(line.Reference ?? string.Empty);
            csv.WriteText(line.CompanyName);
            csv.WriteText(Carrier.DisplayName(line.NumberType, line.CarrierCode, line.CarrierOtherName) ?? string.Empty);
            csv.WriteText(line.LineCount.ToString(CultureInfo.InvariantCulture));
            csv.WriteText(text[$"StatusName.{line.Status}"]);
            csv.WriteText(text[$"Support.Turn.{line.WhoseTurn}"]);
            csv.WriteText(line.SubmittedAtUtc is { } submitted ? BusinessCalendar.DateInFrance(submitted).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
            csv.WriteText(line.FocDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteText(line.RequestedPortDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty);
            csv.WriteText(line.AssignedToName ?? string.Empty);
            csv.WriteText(line.Late == LateReason.None ? string.Empty
                : text[$"Late.{line.Late}", limits.FocWithinWorkingDays, limits.CustomerSilentAfterWorkingDays, limits.CheckWithinWorkingDays]);
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }
}
