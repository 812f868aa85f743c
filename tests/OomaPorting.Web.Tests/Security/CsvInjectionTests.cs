using System.Text;
using CsvHelper;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

/// <summary>
/// Every export writes through <see cref="CsvFormat"/>: whichever separator the file uses and whichever one the reader's
/// spreadsheet splits on, no cell it reads starts a formula (issue 35, point 16).
/// </summary>
public class CsvInjectionTests
{
    public static TheoryData<string> Hostile() =>
    [
        "x,=cmd|'/C calc'!A0,y", "x;=cmd|'/C calc'!A0;y", "x\t=1+2", "=HYPERLINK(\"http://evil\";\"x\")", "a, +33 1 23", "b;@SUM(A1)", "c,-2+3",
        " =1+1", "x,\"=1+1\"", "Boulangerie Martin",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task No_cell_starts_a_formula_whatever_separator_the_file_or_the_reader_uses(string value)
    {
        foreach (var format in new[] { CsvFormat.Semicolons, CsvFormat.Commas })
        {
            using var output = new MemoryStream();
            await using (var csv = CsvWriter.Create(output, format, leaveOpen: true))
            {
                csv.WriteText("en-tête");
                csv.WriteText(value);
                csv.WriteField(12);
                await csv.EndRecordAsync(CancellationToken.None);
                await csv.FlushAsync(CancellationToken.None);
            }

            var bytes = output.ToArray()[3..];
            foreach (var readerSeparator in new[] { ',', ';', '\t' })
            {
                using var reader = CsvReader.Create(bytes.AsMemory(), new CsvReaderOptions { Separator = readerSeparator, HasHeader = false });
                while (reader.Read())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var cell = reader.GetString(i).TrimStart(' ', '"');
                        Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal),
                            $"'{format.Separator}' file read with '{readerSeparator}': cell «{cell}» of {Encoding.UTF8.GetString(bytes)}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Every_export_writes_its_text_through_the_neutralising_writer()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !Directory.Exists(Path.Combine(folder.FullName, "src", "OomaPorting.Web")))
        {
            folder = folder.Parent;
        }

        var src = Path.Combine(folder!.FullName, "src");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "CsvFormat.cs" && File.ReadAllText(f).Contains(".WriteField(", StringComparison.Ordinal))
            .Select(Path.GetFileName).ToList();
        Assert.True(Directory.Exists(src), src);
        Assert.Empty(offenders);
    }
}
