using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace OomaPorting.Web.Features.AuditTrail;

/// <summary>
/// The audit trail as CSV, for a spreadsheet or an auditor: one line per action, newest first, written as it is read
/// (no size limit in memory). Semicolons (commas with <c>separateur=virgule</c>) and a UTF-8 byte-order mark, as French
/// Excel expects; no cell can start a formula (<see cref="CsvFormat"/>), so a company name cannot run anything in the
/// reader's spreadsheet.
/// </summary>
public static class ExportAuditTrail
{
    public sealed record Query(string? Action) : IStreamQuery<ListAuditEntries.Line>;

    public sealed class Handler(AppDbContext db) : IStreamQueryHandler<Query, ListAuditEntries.Line>
    {
        public async IAsyncEnumerable<ListAuditEntries.Line> Handle(Query query, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            await foreach (var line in ListAuditEntries.Lines(db, query.Action).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                yield return line;
            }
        }
    }

    /// <summary>Writes <paramref name="lines"/> with a header of <paramref name="headers"/> (already in the reader's language).</summary>
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<ListAuditEntries.Line> lines, CsvWriterOptions format, IReadOnlyList<string> headers,
        Func<string, string> actionName, Func<string, string> details, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(actionName);
        ArgumentNullException.ThrowIfNull(details);
        await using var csv = CsvWriter.Create(output, format, leaveOpen: true);
        await csv.WriteRecordAsync([.. headers], ct);
        await foreach (var line in lines.WithCancellation(ct))
        {
            csv.WriteText(line.AtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            csv.WriteText(line.ActorName);
            csv.WriteText(actionName(line.Action));
            csv.WriteText(line.Company ?? string.Empty);
            csv.WriteText(line.AccountId?.ToString() ?? string.Empty);
            csv.WriteText(details(line.Details));
            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }
}
