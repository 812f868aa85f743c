using OomaPorting.Domain.Numbers;

namespace OomaPorting.Domain.Tests.Numbers;

public class NumberListTextTests
{
    private static string[] Read(NumberListText.Result result) =>
        [.. result.Entries.Select(e => $"{e.Line}:{e.Block.First.Display}" + (e.IsRange ? $"..{e.Block.Last.Display}" : string.Empty) + (e.Rio is null ? string.Empty : $" {e.Rio.Value}"))];

    [Fact]
    public void Numbers_are_read_one_or_several_a_line_in_any_common_writing()
    {
        var result = NumberListText.Parse("01 45 00 00 01\n+33 1 45 00 00 02; 0033145000003,01.45.00.00.04\t01-45-00-00-05\r\n\n0145000006 0145000007\n");
        Assert.Empty(result.Problems);
        Assert.Equal(["1:01 45 00 00 01", "2:01 45 00 00 02", "2:01 45 00 00 03", "2:01 45 00 00 04", "2:01 45 00 00 05", "4:01 45 00 00 06", "4:01 45 00 00 07"],
            Read(result));
    }

    [Theory]
    [InlineData("01 45 00 00 00 à 01 45 00 00 99")]
    [InlineData("du 01 45 00 00 00 au 01 45 00 00 99")]
    [InlineData("0145000000 - 0145000099")]
    [InlineData("0145000000-0145000099")]
    [InlineData("+33145000000 – +33145000099")]
    [InlineData("01 45 00 00 00 to 01 45 00 00 99")]
    public void A_range_is_written_with_a_word_or_a_dash_between_its_ends(string line)
    {
        var result = NumberListText.Parse(line);
        Assert.Empty(result.Problems);
        var entry = Assert.Single(result.Entries);
        Assert.Equal(100, entry.Block.Count);
        Assert.Equal("01 45 00 00 00", entry.Block.First.Display);
    }

    [Fact]
    public void A_rio_after_a_number_goes_with_it_and_a_heading_line_is_skipped()
    {
        var result = NumberListText.Parse("numero;rio\n06 12 34 56 78;01p123456abc\n06 12 34 56 79\n");
        Assert.Empty(result.Problems);
        Assert.Equal(["2:06 12 34 56 78 01P123456ABC", "3:06 12 34 56 79"], Read(result));
    }

    [Fact]
    public void Every_problem_names_its_line_and_quotes_the_text_at_fault_all_at_once()
    {
        var lines = Enumerable.Range(0, 1000).Select(i => $"0145{i:D6}").ToArray();
        lines[36] = "01 45 00 0";
        lines[499] = "01 45 00 00 99 à 01 45 00 00 10";
        lines[998] = "=cmd|' /C calc'!A0";
        var result = NumberListText.Parse(string.Join("\n", lines));
        Assert.False(result.TooManyLines);
        Assert.Equal([(37, "Number.Invalid", "01 45 00 0"), (500, "Range.Reversed", "01 45 00 00 99 – 01 45 00 00 10"),
                (999, "Lines.Unreadable", "=cmd|' /C calc'!A0")],
            result.Problems.Select(p => (p.Line, p.Code, p.Text)));
        Assert.Equal(997, result.Entries.Count);
    }

    [Theory]
    [InlineData("F0X1A2B3C")]
    [InlineData("02P123456")]
    [InlineData("01E654321")]
    [InlineData("9Z41234AB")]
    [InlineData("f0x1a2b3c")]
    public void A_rio_the_row_field_accepts_is_accepted_by_the_paste_too(string start)
    {
        // One RIO rule (Rio.TryParse) for rows, paste, CSV and API (issue 36, point 14): the paste's reader once only
        // saw a RIO whose third character was P or E.
        var number = FrenchNumber.Parse("01 45 00 00 00");
        var rio = start + Rio.ComputeKey(start.ToUpperInvariant(), number);
        Assert.True(Rio.TryParse(rio, out var parsed, out var error), error);
        var result = NumberListText.Parse($"01 45 00 00 00 {rio}");
        Assert.Empty(result.Problems);
        Assert.Equal([$"1:01 45 00 00 00 {parsed.Value}"], Read(result));
    }

    [Theory]
    [InlineData("01 45 00 00 00 à", "Range.Unfinished")]
    [InlineData("01P123456ABC", "Lines.RioWithoutNumber")]
    [InlineData("06 12 34 56 78 01P123456ABC 01P123456ABC", "Lines.RioWithoutNumber")]
    [InlineData("00 00 00 00 00", "Number.Invalid")]
    public void A_line_that_cannot_be_read_says_why(string line, string code)
    {
        var result = NumberListText.Parse("01 45 00 00 01\n" + line);
        Assert.Contains(result.Problems, p => p.Line == 2 && p.Code == code);
    }

    [Fact]
    public void More_lines_than_a_request_can_hold_are_refused_before_any_is_read()
    {
        var result = NumberListText.Parse(string.Join("\n", Enumerable.Repeat("01 45 00 00 01", 10_000)));
        Assert.True(result.TooManyLines);
        Assert.Empty(result.Entries);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_very_long_line_is_refused_without_being_scanned()
    {
        var result = NumberListText.Parse(new string('1', 100_000));
        Assert.Equal("Lines.LineTooLong", Assert.Single(result.Problems).Code);
    }
}
