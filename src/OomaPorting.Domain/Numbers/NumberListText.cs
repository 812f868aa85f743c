using System.Text.RegularExpressions;

namespace OomaPorting.Domain.Numbers;

/// <summary>
/// A list of numbers as people paste it (from a spreadsheet, a PBX export, an e-mail): one or several numbers per line,
/// separated by spaces, commas, semicolons or tabs, written any common French or E.164 way; a range on a line of its own
/// ("01 45 00 00 00 à 01 45 00 00 99", "du … au …", "… - …"); a RIO after a number. Every problem names its line and
/// the text at fault, and all of them are found at once.
/// </summary>
public static partial class NumberListText
{
    /// <summary>More lines than this (blank ones and a heading aside) cannot fit a request: refused before any line is read.</summary>
    public const int MaxLines = NumberBlock.MaxNumbers;

    /// <summary>Longer than any line worth reading: refused as it is, not scanned.</summary>
    public const int MaxLineLength = 200;

    /// <summary>One number or one range of a line, with the RIO written beside it, if any.</summary>
    public sealed record Entry(int Line, NumberBlock Block, Rio? Rio)
    {
        public bool IsRange => Block.Count > 1;
    }

    /// <param name="Code">A domain error code (<c>Number.Invalid</c>, <c>Range.Reversed</c>, <c>Lines.Unreadable</c>...).</param>
    /// <param name="Text">The text at fault, shortened, to quote back.</param>
    public sealed record Problem(int Line, string Code, string Text);

    /// <param name="TooManyLines">More than <see cref="MaxLines"/> lines: nothing else was read.</param>
    public sealed record Result(IReadOnlyList<Entry> Entries, IReadOnlyList<Problem> Problems, bool TooManyLines);

    public static Result Parse(string? text) =>
        Parse((text ?? string.Empty).Split('\n').Select((line, index) => (index + 1, line.TrimEnd('\r'))));

    /// <summary>Numbered lines (of a paste, or the records of a CSV file with their fields joined by semicolons).</summary>
    public static Result Parse(IEnumerable<(int Line, string Text)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var filled = new List<(int Line, string Text)>();
        foreach (var line in lines.Where(l => !string.IsNullOrWhiteSpace(l.Text)))
        {
            if (filled.Count == MaxLines + 2)
            {
                return new Result([], [], TooManyLines: true);
            }

            filled.Add(line);
        }

        if (filled.Count > MaxLines + 1)
        {
            return new Result([], [], TooManyLines: true);
        }

        var entries = new List<Entry>();
        var problems = new List<Problem>();
        for (var i = 0; i < filled.Count; i++)
        {
            // A heading line ("numero;rio", "Numéro") is not a number: skipped when it comes first and has no digit.
            if (i == 0 && !filled[i].Text.Any(char.IsAsciiDigit))
            {
                continue;
            }

            ParseLine(filled[i].Line, filled[i].Text, entries, problems);
        }

        return new Result(entries, problems, TooManyLines: false);
    }

    /// <summary>Reads one line (of a paste, or the fields of one CSV record joined by semicolons) into <paramref name="entries"/> or <paramref name="problems"/>.</summary>
    public static void ParseLine(int lineNumber, string line, List<Entry> entries, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(problems);
        line = line.Trim().TrimStart('\uFEFF');
        if (line.Length > MaxLineLength)
        {
            problems.Add(new Problem(lineNumber, "Lines.LineTooLong", Quote(line)));
            return;
        }

        var found = new List<Entry>();
        var lineProblems = new List<Problem>();
        FrenchNumber? pending = null; // a number that may open a range
        var rangeOpen = false;
        var position = 0;
        foreach (Match match in Token().Matches(line))
        {
            if (!Gap(line[position..match.Index], ref rangeOpen, lineNumber, lineProblems))
            {
                pending = null;
            }

            position = match.Index + match.Length;
            if (match.Groups["rio"].Success)
            {
                if (!Rio.TryParse(match.Value, out var rio, out var rioError))
                {
                    lineProblems.Add(new Problem(lineNumber, rioError, Quote(match.Value)));
                }
                else if (found.Count == 0 || found[^1].Rio is not null)
                {
                    lineProblems.Add(new Problem(lineNumber, "Lines.RioWithoutNumber", Quote(match.Value)));
                }
                else
                {
                    found[^1] = found[^1] with { Rio = rio };
                }

                continue;
            }

            if (!FrenchNumber.TryParse(match.Value, out var number, out var numberError))
            {
                lineProblems.Add(new Problem(lineNumber, numberError, Quote(match.Value)));
                pending = null;
                rangeOpen = false;
                continue;
            }

            if (rangeOpen && pending is not null)
            {
                found.RemoveAt(found.Count - 1);
                if (NumberBlock.TryCreate(pending, number, out var block, out var rangeError))
                {
                    found.Add(new Entry(lineNumber, block, null));
                }
                else
                {
                    lineProblems.Add(new Problem(lineNumber, rangeError, Quote($"{pending.Display} – {number.Display}")));
                }

                pending = null;
                rangeOpen = false;
                continue;
            }

            if (rangeOpen)
            {
                lineProblems.Add(new Problem(lineNumber, "Lines.Unreadable", Quote(match.Value)));
                rangeOpen = false;
            }

            NumberBlock.TryCreate(number, number, out var single, out _);
            found.Add(new Entry(lineNumber, single, null));
            pending = number;
        }

        Gap(line[position..], ref rangeOpen, lineNumber, lineProblems);
        if (rangeOpen)
        {
            lineProblems.Add(new Problem(lineNumber, "Range.Unfinished", Quote(line)));
        }

        entries.AddRange(found);
        problems.AddRange(lineProblems);
    }

    /// <summary>
    /// The text between two tokens: separators, a range word ("à", "au", "-", "to"...), or "du" before the first; anything
    /// else is a problem quoted back. Returns false when the gap ends a possible range (a separator).
    /// </summary>
    private static bool Gap(string gap, ref bool rangeOpen, int lineNumber, List<Problem> problems)
    {
        var words = gap.Split([' ', '\t', '\u00A0', '\u202F'], StringSplitOptions.RemoveEmptyEntries);
        var keepsRange = true;
        var junk = false;
        foreach (var word in words)
        {
            var w = word.ToLowerInvariant();
            if (w is "à" or "a" or "au" or "-" or "–" or "—" or "to" or "jusqu'à" or "jusqu’à" or "..")
            {
                rangeOpen = true;
            }
            else if (w.All(c => c is ';' or ',' or '|'))
            {
                keepsRange = false;
            }
            else if (w is not ("du" or "de" or "from"))
            {
                junk = true;
            }
        }

        if (junk)
        {
            // The whole stretch at fault, once: "01 45 00 0" is one incomplete number, not four.
            var text = gap.Trim(' ', '\t', ';', ',', '|', '\u00A0', '\u202F');
            var numberLike = text.Any(char.IsAsciiDigit) && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-' or '+' or '(' or ')');
            problems.Add(new Problem(lineNumber, numberLike ? "Number.Invalid" : "Lines.Unreadable", Quote(text)));
            keepsRange = false;
            rangeOpen = false;
        }

        return keepsRange;
    }

    private static string Quote(string text)
    {
        var clean = new string([.. text.Where(c => !char.IsControl(c))]).Trim();
        return clean.Length <= 40 ? clean : clean[..39] + "…";
    }

    /// <summary>A French number in any common writing (10 digits from 0, or +33/0033 and 9 digits, with spaces, dots or dashes between digits), or a RIO-shaped token (12 letters, digits or +), which <see cref="Rio.TryParse"/> alone accepts or refuses, as for a row.</summary>
    [GeneratedRegex(@"(?<number>(?<![\d+])(?:\+33|0033|0)(?:[ .\-]?\(0\))?[ .\-]?[1-9](?:[ .\-]?\d){8}(?!\d))|(?<rio>(?<![0-9A-Za-z])[0-9A-Za-z]{3}[0-9A-Za-z+]{9}(?![0-9A-Za-z+]))",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Token();
}
