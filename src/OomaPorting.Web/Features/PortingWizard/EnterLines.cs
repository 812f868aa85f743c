using FluentValidation.Results;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// Step 4, "Numéros": the main line of the carrier account first, then every other number from that carrier, each
/// with its RIO. A number already at Ooma, or in another request under way (any account), cannot be ported now.
/// </summary>
public static class EnterLines
{
    public sealed record Query(Guid Id, string? ReturnTo) : IQuery<Form>;

    public sealed record Form(Command Command, NumberType? NumberType, string? CarrierName);

    public sealed class Row
    {
        public string? Number { get; set; }

        public string? Rio { get; set; }
    }

    public sealed class Command : ICommand, IWizardCommand
    {
        public Guid Id { get; set; }

        public string? ReturnTo { get; set; }

        public List<Row> Lines { get; set; } = [];

        /// <summary>The rows the admin filled: blank rows after the first are ignored.</summary>
        public IReadOnlyList<(int Index, Row Row)> FilledRows() =>
            [.. Lines.Select((row, index) => (index, row))
                .Where(x => x.index == 0 || !string.IsNullOrWhiteSpace(x.row.Number) || !string.IsNullOrWhiteSpace(x.row.Rio))];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, AppDbContext db, TimeProvider time)
        {
            RuleFor(c => c).CustomAsync(async (c, context, ct) =>
            {
                var rows = c.FilledRows();
                if (rows.Count == 0)
                {
                    context.AddFailure(new ValidationFailure("Lines[0].Number", text["Error.Number.Required"]));
                    return;
                }

                if (rows.Count > PortRequest.MaxLines)
                {
                    context.AddFailure(new ValidationFailure("Lines", text["Error.Lines.TooMany", PortRequest.MaxLines]));
                    return;
                }

                var request = await Drafts.LoadAsync(db, c.Id, time, ct);
                var type = request.NumberType ?? NumberType.Fixed;
                var valid = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var (index, row) in rows)
                {
                    var numberField = $"Lines[{index}].Number";
                    var rioField = $"Lines[{index}].Rio";
                    if (!FrenchNumber.TryParse(row.Number, out var number, out var numberError))
                    {
                        context.AddFailure(new ValidationFailure(numberField, text["Error." + numberError]));
                        continue;
                    }

                    Rio? rio = null;
                    if (!string.IsNullOrWhiteSpace(row.Rio))
                    {
                        if (!Rio.TryParse(row.Rio, out rio, out var rioError))
                        {
                            context.AddFailure(new ValidationFailure(rioField, text["Error." + rioError]));
                            continue;
                        }
                    }

                    if (PortRequest.CheckLine(type, number, rio, isMain: index == 0, request.CarrierCode) is { } problem)
                    {
                        var field = problem.StartsWith("Rio.", StringComparison.Ordinal) ? rioField : numberField;
                        context.AddFailure(new ValidationFailure(field, ModelStateExtensions.DomainMessage(text, problem)));
                        continue;
                    }

                    if (!valid.TryAdd(number.E164, index))
                    {
                        context.AddFailure(new ValidationFailure(numberField, text["Error.Lines.Duplicate"]));
                    }
                }

                if (valid.Count == 0)
                {
                    return;
                }

                // Never say whose number it is: only that it cannot be ported right now.
                foreach (var e164 in await NumbersUnavailableAsync(db, request.Id, [.. valid.Keys.Select(FrenchNumber.FromE164)], ct))
                {
                    context.AddFailure(new ValidationFailure($"Lines[{valid[e164]}].Number", text["Error.Lines.Unavailable"]));
                }
            });
        }
    }

    /// <summary>Which of <paramref name="numbers"/> are on an Ooma account or in a request under way other than <paramref name="requestId"/>, across all accounts.</summary>
    public static async Task<IReadOnlyList<string>> NumbersUnavailableAsync(AppDbContext db, Guid requestId, IReadOnlyList<FrenchNumber> numbers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var underWay = PortRequestStatuses.UnderWay;
        var onAccounts = await db.AccountNumbers.IgnoreQueryFilters().AsNoTracking()
            .Where(n => numbers.Contains(n.Number)).Select(n => n.Number).ToListAsync(ct);
        var inRequests = await db.PortLines.IgnoreQueryFilters().AsNoTracking()
            .Where(l => numbers.Contains(l.Number) && l.PortRequestId != requestId)
            .Join(db.PortRequests.IgnoreQueryFilters().Where(r => underWay.Contains(r.Status)), l => l.PortRequestId, r => r.Id, (l, r) => l.Number)
            .ToListAsync(ct);
        return [.. onAccounts.Concat(inRequests).Select(n => n.E164).Distinct()];
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Form>
    {
        public async ValueTask<Form> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, query.Id, time, cancellationToken, WizardSection.Lines);
            var rows = r.Lines.OrderBy(l => l.Position).Select(l => new Row { Number = l.Number.Display, Rio = l.Rio?.Value }).ToList();
            if (rows.Count == 0)
            {
                rows.Add(new Row());
            }

            return new Form(new Command { Id = r.Id, ReturnTo = query.ReturnTo, Lines = rows }, r.NumberType, r.CarrierDisplayName);
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken);
            var lines = command.FilledRows()
                .Select(x => new LineInput(FrenchNumber.Parse(x.Row.Number), string.IsNullOrWhiteSpace(x.Row.Rio) ? null : Rio.Parse(x.Row.Rio)))
                .ToList();
            r.SetLines(current.Actor, lines, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
