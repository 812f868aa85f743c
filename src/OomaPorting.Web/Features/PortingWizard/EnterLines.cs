using System.Globalization;
using FluentValidation.Results;
using OomaPorting.Web.Infrastructure.Localization;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// Step 4, "Numéros": the main line of the carrier account first, with its RIO, then every other number from that
/// carrier, up to <see cref="PortRequest.MaxLines"/>, entered any of four ways that add up: rows (a number and its RIO),
/// a range ("tranche", the SDA block of a PBX: du … au …), a pasted list (<see cref="NumberListText"/>), or a CSV file
/// (<see cref="NumbersFile"/>). Every problem is found at once and named by its field, or by its line for a list or a
/// file; nothing is saved until the whole entry is valid. A number already at Ooma, or in another request under way
/// (any account), cannot be ported now.
/// </summary>
public static class EnterLines
{
    /// <summary>Rows the form shows at most: a list, a range or a file is the way past a few numbers.</summary>
    public const int MaxRows = 20;

    /// <summary>Line problems listed for one list or file: past this, a count.</summary>
    public const int MaxProblemsShown = 50;

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

        /// <summary>First number of a range ("du").</summary>
        public string? RangeFrom { get; set; }

        /// <summary>Last number of a range ("au").</summary>
        public string? RangeTo { get; set; }

        /// <summary>Numbers and ranges, one or several a line, a RIO after a number (<see cref="NumberListText"/>).</summary>
        public string? Paste { get; set; }

        /// <summary>A CSV file or a plain list (<see cref="NumbersFile"/>).</summary>
        public IFormFile? File { get; set; }

        /// <summary>The rows the admin filled: blank rows after the first are ignored.</summary>
        public IReadOnlyList<(int Index, Row Row)> FilledRows() =>
            [.. Lines.Select((row, index) => (index, row))
                .Where(x => x.index == 0 || !string.IsNullOrWhiteSpace(x.row.Number) || !string.IsNullOrWhiteSpace(x.row.Rio))];

        internal bool HasRange => !string.IsNullOrWhiteSpace(RangeFrom) || !string.IsNullOrWhiteSpace(RangeTo);

        internal bool HasFile => File is { Length: > 0 };

        /// <summary>What the validator read (<see cref="ReadAsync"/>), so that the handler does not read 1,000 numbers again.</summary>
        internal Entry? Read { get; set; }
    }

    /// <summary>A number the form holds, where it came from (the field to name, and the line for a list or a file), and its RIO.</summary>
    public sealed record Entered(string Field, string? RioField, int? Line, FrenchNumber Number, Rio? Rio);

    /// <summary>Something the form holds that is not a number: the field, the message code, the line and the text at fault for a list or a file.</summary>
    public sealed record Unread(string Field, string Code, int? Line = null, string? Text = null);

    /// <param name="TooMany">More than <see cref="PortRequest.MaxLines"/> numbers, or lines: nothing else is checked.</param>
    public sealed record Entry(IReadOnlyList<Entered> Numbers, IReadOnlyList<Unread> Problems, bool TooMany);

    /// <summary>Every number of the form in order (rows, range, list, file), and what could not be read: the validator's input and the handler's.</summary>
    public static async Task<Entry> ReadAsync(Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var numbers = new List<Entered>();
        var problems = new List<Unread>();
        foreach (var (index, row) in command.FilledRows())
        {
            var numberField = $"Lines[{index}].Number";
            var rioField = $"Lines[{index}].Rio";
            if (!FrenchNumber.TryParse(row.Number, out var number, out var numberError))
            {
                // The first row may stay empty when a range, a list or a file brings the numbers.
                if (!(index == 0 && numberError == "Number.Required" && string.IsNullOrWhiteSpace(row.Rio)
                    && (command.HasRange || !string.IsNullOrWhiteSpace(command.Paste) || command.HasFile)))
                {
                    problems.Add(new Unread(numberField, numberError));
                }

                continue;
            }

            Rio? rio = null;
            if (!string.IsNullOrWhiteSpace(row.Rio) && !Rio.TryParse(row.Rio, out rio, out var rioError))
            {
                problems.Add(new Unread(rioField, rioError));
                continue;
            }

            numbers.Add(new Entered(numberField, rioField, null, number, rio));
        }

        if (command.HasRange)
        {
            var from = FrenchNumber.TryParse(command.RangeFrom, out var first, out var fromError);
            var to = FrenchNumber.TryParse(command.RangeTo, out var last, out var toError);
            if (!from)
            {
                problems.Add(new Unread(nameof(Command.RangeFrom), fromError));
            }

            if (!to)
            {
                problems.Add(new Unread(nameof(Command.RangeTo), toError));
            }

            if (from && to)
            {
                if (NumberBlock.TryCreate(first, last, out var block, out var rangeError))
                {
                    numbers.AddRange(block.Numbers().Select(n => new Entered(nameof(Command.RangeFrom), null, null, n, null)));
                }
                else
                {
                    problems.Add(new Unread(nameof(Command.RangeTo), rangeError));
                }
            }
        }

        var tooMany = false;
        if (!string.IsNullOrWhiteSpace(command.Paste))
        {
            tooMany |= Add(NumberListText.Parse(command.Paste), nameof(Command.Paste), numbers, problems);
        }

        if (command.File is { } file)
        {
            if (file.Length > NumbersFile.MaxBytes)
            {
                problems.Add(new Unread(nameof(Command.File), "Lines.FileTooLarge"));
            }
            else if (file.Length > 0)
            {
                await using var stream = file.OpenReadStream();
                if (await NumbersFile.ReadAsync(stream, ct) is { } read)
                {
                    tooMany |= Add(read, nameof(Command.File), numbers, problems);
                }
                else
                {
                    problems.Add(new Unread(nameof(Command.File), "Lines.FileNotText"));
                }
            }
        }

        return new Entry(numbers, problems, tooMany || numbers.Count > PortRequest.MaxLines);
    }

    private static bool Add(NumberListText.Result read, string field, List<Entered> numbers, List<Unread> problems)
    {
        problems.AddRange(read.Problems.Select(p => new Unread(field, p.Code, p.Line, p.Text)));
        foreach (var entry in read.Entries)
        {
            var first = true;
            foreach (var number in entry.Block.Numbers())
            {
                numbers.Add(new Entered(field, null, entry.Line, number, first ? entry.Rio : null));
                first = false;
            }
        }

        return read.TooManyLines;
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IStringLocalizer<SharedResource> text, AppDbContext db)
        {
            RuleFor(c => c).CustomAsync(async (c, context, ct) =>
            {
                var entry = await ReadAsync(c, ct);
                c.Read = entry;
                if (entry.TooMany)
                {
                    context.AddFailure(new ValidationFailure("Lines", text["Error.Lines.TooMany", PortRequest.MaxLines.ToString("N0", CultureInfo.CurrentCulture)]));
                    return;
                }

                var failures = new List<ValidationFailure>();
                foreach (var problem in entry.Problems)
                {
                    var message = ModelStateExtensions.DomainMessage(text, problem.Code);
                    failures.Add(new ValidationFailure(problem.Field, problem.Line is { } line
                        ? text["Error.Lines.AtLine", line, problem.Text ?? string.Empty, message]
                        : message) { CustomState = problem.Line });
                }

                if (entry.Numbers.Count == 0 && entry.Problems.Count == 0)
                {
                    failures.Add(new ValidationFailure("Lines[0].Number", text["Error.Number.Required"]));
                }

                // The draft's type and carrier only: its lines (up to 1,000) are the handler's to load. A draft that is
                // missing or expired is the handler's to refuse.
                var request = await db.PortRequests.AsNoTracking().Where(r => r.Id == c.Id)
                    .Select(r => new { r.Id, r.NumberType, r.CarrierCode }).FirstOrDefaultAsync(ct);
                if (request is null)
                {
                    return;
                }

                var type = request.NumberType ?? NumberType.Fixed;
                var valid = new Dictionary<string, Entered>(StringComparer.Ordinal);
                for (var i = 0; i < entry.Numbers.Count; i++)
                {
                    var number = entry.Numbers[i];
                    if (PortRequest.CheckLine(type, number.Number, number.Rio, isMain: i == 0, request.CarrierCode) is { } problem)
                    {
                        var field = problem.StartsWith("Rio.", StringComparison.Ordinal) && number.RioField is { } rioField ? rioField : number.Field;
                        failures.Add(new ValidationFailure(field, About(text, number, ModelStateExtensions.DomainMessage(text, problem))) { CustomState = number.Line });
                        continue;
                    }

                    if (!valid.TryAdd(number.Number.E164, number))
                    {
                        failures.Add(new ValidationFailure(number.Field, About(text, number, text["Error.Lines.Duplicate"])) { CustomState = number.Line });
                    }
                }

                if (valid.Count > 0)
                {
                    // Never say whose number it is: only that it cannot be ported right now.
                    foreach (var e164 in await NumbersUnavailableAsync(db, request.Id, [.. valid.Keys.Select(FrenchNumber.FromE164)], ct))
                    {
                        failures.Add(new ValidationFailure(valid[e164].Field, About(text, valid[e164], text["Error.Lines.Unavailable"])) { CustomState = valid[e164].Line });
                    }
                }

                // A long list with many bad lines: the first ones in line order (the checks above run in passes), then
                // how many more.
                foreach (var group in failures.GroupBy(f => f.PropertyName))
                {
                    foreach (var failure in group.OrderBy(f => f.CustomState as int? ?? 0).Take(MaxProblemsShown))
                    {
                        context.AddFailure(failure);
                    }

                    if (group.Count() > MaxProblemsShown)
                    {
                        context.AddFailure(new ValidationFailure(group.Key, text.Plural("Error.Lines.MoreProblems", group.Count() - MaxProblemsShown)));
                    }
                }
            });
        }

        /// <summary>A number's message, prefixed by its line for a list or a file, or by the number for a range.</summary>
        private static string About(IStringLocalizer text, Entered number, string message) => number switch
        {
            { Line: { } line } => text["Error.Lines.AtLine", line, number.Number.Display, message],
            { RioField: null } => text["Error.Lines.ForNumber", number.Number.Display, message],
            _ => message,
        };
    }

    /// <summary>Which of <paramref name="numbers"/> are on an Ooma account or in a request under way other than <paramref name="requestId"/>, across all accounts.</summary>
    public static async Task<IReadOnlyList<string>> NumbersUnavailableAsync(AppDbContext db, Guid requestId, IReadOnlyList<FrenchNumber> numbers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var onAccounts = await db.AccountNumbers.IgnoreQueryFilters().AsNoTracking()
            .Where(n => EF.Parameter(numbers).Contains(n.Number)).Select(n => n.Number).ToListAsync(ct);
        var inRequests = await InRequestsUnderWay(db, requestId, numbers).ToListAsync(ct);
        return [.. onAccounts.Concat(inRequests).Select(n => n.E164).Distinct()];
    }

    /// <summary>
    /// Which of <paramref name="numbers"/> are still to port in a request under way other than <paramref name="requestId"/>
    /// (a number refused or withdrawn there is free for a follow-up): from the
    /// numbers' own lines to their requests (EXISTS), never the other way; a join let SQLite walk every request under
    /// way and its lines first (5 s a save on a million requests, whatever the count of numbers).
    /// </summary>
    public static IQueryable<FrenchNumber> InRequestsUnderWay(AppDbContext db, Guid requestId, IReadOnlyList<FrenchNumber> numbers)
    {
        ArgumentNullException.ThrowIfNull(db);
        var underWay = PortRequestStatuses.UnderWay;
        var toPort = PortLineStatuses.ToPort;
        var requests = db.PortRequests.IgnoreQueryFilters();
        return db.PortLines.IgnoreQueryFilters().AsNoTracking()
            .Where(l => EF.Parameter(numbers).Contains(l.Number) && l.PortRequestId != requestId && toPort.Contains(l.Status)
                && requests.Any(r => r.Id == l.PortRequestId && underWay.Contains(r.Status)))
            .Select(l => l.Number);
    }

    public sealed class QueryHandler(AppDbContext db, TimeProvider time) : IQueryHandler<Query, Form>
    {
        public async ValueTask<Form> Handle(Query query, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, query.Id, time, cancellationToken, WizardSection.Lines);
            return new Form(Shown(r, query.ReturnTo), r.NumberType, r.CarrierDisplayName);
        }

        /// <summary>
        /// The saved numbers as the form shows them: the main line and the next few with a RIO as rows; every other
        /// number in the list box, consecutive ones as ranges ("01 45 00 00 00 – 01 45 00 00 99"), a RIO after its number.
        /// </summary>
        private static Command Shown(PortRequest r, string? returnTo)
        {
            var lines = r.Lines.OrderBy(l => l.Position).ToList();
            var rows = lines.Where(l => l.Position == 0 || l.Rio is not null).Take(MaxRows).ToList();
            var rest = lines.Except(rows).ToList();
            var listed = rest.Where(l => l.Rio is not null).Select(l => $"{l.Number.Display} {l.Rio!.Value}")
                .Concat(NumberBlock.Group(rest.Where(l => l.Rio is null).Select(l => l.Number))
                    .Select(b => b.Count == 1 ? b.First.Display : $"{b.First.Display} – {b.Last.Display}"));
            var command = new Command
            {
                Id = r.Id,
                ReturnTo = returnTo,
                Lines = [.. rows.Select(l => new Row { Number = l.Number.Display, Rio = l.Rio?.Value })],
                Paste = string.Join('\n', listed) is { Length: > 0 } text ? text : null,
            };
            if (command.Lines.Count == 0)
            {
                command.Lines.Add(new Row());
            }

            return command;
        }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time, ICurrentActor current) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var r = await Drafts.LoadAsync(db, command.Id, time, cancellationToken);
            var entry = command.Read ?? await ReadAsync(command, cancellationToken);
            r.SetLines(current.Actor, [.. entry.Numbers.Select(n => new LineInput(n.Number, n.Rio))], time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
