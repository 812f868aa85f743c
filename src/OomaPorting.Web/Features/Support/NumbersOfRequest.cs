using OomaPorting.Web.Features.PortingWizard;
using OomaPorting.Web.Infrastructure.Localization;

namespace OomaPorting.Web.Features.Support;

/// <summary>
/// Support names some numbers of a request (refused by the carrier, failed at the test call) the way the wizard takes
/// them: one or several a line, ranges, any common form (<see cref="NumberListText"/>). Every problem is said at its
/// line, all at once (the first 50, then how many more): unreadable, not a number of this request, or one that already
/// has its outcome. The domain checks the same again; this is where the agent learns which line to fix.
/// </summary>
public static class NumbersOfRequest
{
    public static async Task<List<FrenchNumber>> ReadAsync<T>(string? value, string field, Guid requestId, ValidationContext<T> context,
        IStringLocalizer text, AppDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(db);
        var read = NumberListText.Parse(value);
        if (read.TooManyLines)
        {
            context.AddFailure(field, text["Error.Lines.TooMany", PortRequest.MaxLines.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)]);
            return [];
        }

        var statuses = await db.PortLines.IgnoreQueryFilters().AsNoTracking().Where(l => l.PortRequestId == requestId)
            .Select(l => new { l.Number, l.Status }).ToListAsync(ct);
        var byNumber = statuses.ToDictionary(l => l.Number.E164, l => l.Status, StringComparer.Ordinal);
        var messages = read.Problems.Select(p => text["Error.Lines.AtLine", p.Line, p.Text, ModelStateExtensions.DomainMessage(text, p.Code)].Value).ToList();
        var numbers = new List<FrenchNumber>();
        foreach (var entry in read.Entries)
        {
            foreach (var number in entry.Block.Numbers())
            {
                string? problem = !byNumber.TryGetValue(number.E164, out var status) ? "Refusal.NotInRequest"
                    : !status.IsToPort() ? "Refusal.NotToPort" : null;
                if (problem is null)
                {
                    numbers.Add(number);
                }
                else
                {
                    messages.Add(text["Error.Lines.AtLine", entry.Line, number.Display, ModelStateExtensions.DomainMessage(text, problem)]);
                }
            }
        }

        foreach (var message in messages.Take(EnterLines.MaxProblemsShown))
        {
            context.AddFailure(field, message);
        }

        if (messages.Count > EnterLines.MaxProblemsShown)
        {
            context.AddFailure(field, text.Plural("Error.Lines.MoreProblems", messages.Count - EnterLines.MaxProblemsShown));
        }

        return messages.Count == 0 ? numbers : [];
    }
}
