using System.Globalization;

namespace OomaPorting.Domain.Numbers;

/// <summary>
/// A run of consecutive numbers ("tranche de numéros", the SDA block of a PBX or a SIP trunk): from its first to its
/// last number, both included, inside one operator block. French numbers are allocated by block of 10,000 under their
/// first six national digits (0ZABPQ, the last four being MCDU), so a range never leaves those six digits; it holds at
/// most <see cref="MaxNumbers"/> numbers, the most a request takes.
/// </summary>
public sealed record NumberBlock
{
    public const int MaxNumbers = 1000;

    private NumberBlock(FrenchNumber first, FrenchNumber last)
    {
        First = first;
        Last = last;
    }

    public FrenchNumber First { get; }

    public FrenchNumber Last { get; }

    public int Count => (int)(Value(Last) - Value(First)) + 1;

    /// <summary>
    /// The range from <paramref name="first"/> to <paramref name="last"/>, or why not: <c>Range.Reversed</c> (the last
    /// before the first), <c>Range.OtherBlock</c> (not the same first six digits), <c>Range.TooLarge</c> (over
    /// <see cref="MaxNumbers"/>).
    /// </summary>
    public static bool TryCreate(FrenchNumber first, FrenchNumber last, out NumberBlock block, out string errorCode)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(last);
        block = null!;
        if (!string.Equals(first.National[..6], last.National[..6], StringComparison.Ordinal))
        {
            errorCode = "Range.OtherBlock";
            return false;
        }

        if (Value(last) < Value(first))
        {
            errorCode = "Range.Reversed";
            return false;
        }

        if (Value(last) - Value(first) + 1 > MaxNumbers)
        {
            errorCode = "Range.TooLarge";
            return false;
        }

        block = new NumberBlock(first, last);
        errorCode = string.Empty;
        return true;
    }

    /// <summary>Every number of the range, in order: within one 0ZABPQ block every number is of the class of its ends, valid as they are.</summary>
    public IEnumerable<FrenchNumber> Numbers()
    {
        var prefix = First.National[..6];
        for (var mcdu = Value(First) % 10_000; mcdu <= Value(Last) % 10_000; mcdu++)
        {
            yield return FrenchNumber.FromE164("+33" + prefix[1..] + mcdu.ToString("D4", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// <paramref name="numbers"/> as runs of consecutive numbers, in number order: the compact way to show a long list
    /// ("01 45 00 00 00 à 01 45 00 00 99"), a lone number being a run of one.
    /// </summary>
    public static IReadOnlyList<NumberBlock> Group(IEnumerable<FrenchNumber> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var blocks = new List<NumberBlock>();
        FrenchNumber? first = null;
        FrenchNumber? last = null;
        foreach (var number in numbers.DistinctBy(n => n.E164).OrderBy(Value))
        {
            if (first is not null && last is not null && Value(number) == Value(last) + 1
                && string.Equals(number.National[..6], first.National[..6], StringComparison.Ordinal) && Value(number) - Value(first) < MaxNumbers)
            {
                last = number;
                continue;
            }

            if (first is not null && last is not null)
            {
                blocks.Add(new NumberBlock(first, last));
            }

            first = number;
            last = number;
        }

        if (first is not null && last is not null)
        {
            blocks.Add(new NumberBlock(first, last));
        }

        return blocks;
    }

    private static long Value(FrenchNumber number) => long.Parse(number.National, NumberStyles.None, CultureInfo.InvariantCulture);
}
