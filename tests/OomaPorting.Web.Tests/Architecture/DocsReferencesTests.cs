using System.Text.RegularExpressions;

namespace OomaPorting.Web.Tests.Architecture;

/// <summary>
/// What docs/ and the README cite exists (issue 38, point 8): every file or folder named in backticks
/// (<c>Features/Support/OfferedActionsTests</c>, <c>Data/MandateFile</c>, <c>.ci/run</c>), with the test or member it
/// names after a dot, and every <c>Type.Member</c> of a type the code declares. A renamed file, type or test leaves
/// no false pointer for a maintainer to follow.
/// </summary>
public partial class DocsReferencesTests
{
    [GeneratedRegex(@"`([^`\s]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^(?<type>[A-Z][A-Za-z0-9]+)\.(?<member>[A-Z][A-Za-z0-9_]+)(\(\))?$")]
    private static partial Regex TypeMember();

    [GeneratedRegex(@"\b(?:class|record|enum|interface|struct)\s+(?<name>[A-Z][A-Za-z0-9]+)")]
    private static partial Regex Declaration();

    private static readonly string[] Extensions = [".cs", ".md", ".json", ".csv", ".yaml", ".yml", ".props", ".cshtml", ".js", ".css", ".sln", ".ics", ".pdf", ".resx"];

    /// <summary>Where a cited path may start: the repository, each project, and the test projects by their short names.</summary>
    private static IEnumerable<string> Bases(string root, string path)
    {
        foreach (var (prefix, folder) in new[] { ("Domain.Tests/", "tests/OomaPorting.Domain.Tests"), ("Web.Tests/", "tests/OomaPorting.Web.Tests"), ("Browser.Tests/", "tests/OomaPorting.Browser.Tests") })
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return Path.Combine(root, folder, path[prefix.Length..]);
            }
        }

        foreach (var folder in new[] { "", "src/OomaPorting.Web", "src/OomaPorting.Domain", "tests/OomaPorting.Web.Tests", "tests/OomaPorting.Domain.Tests", "tests/OomaPorting.Browser.Tests", "src", "tests" })
        {
            yield return Path.Combine(root, folder, path);
        }
    }

    private static IEnumerable<(string Doc, string Cited)> Citations(string root) =>
        Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md"))
            .SelectMany(doc => Quoted().Matches(File.ReadAllText(doc)).Select(m => (Path.GetRelativePath(root, doc), m.Groups[1].Value)));

    [Fact]
    public void Every_file_folder_and_test_the_docs_cite_exists()
    {
        var root = Infrastructure.TestFolders.RepositoryRoot();
        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var (doc, cited) in Citations(root))
        {
            var token = cited.TrimEnd('.', ',', ';', ':', ')');
            if (!token.Contains('/', StringComparison.Ordinal) || token.StartsWith('/') || token.Contains("..", StringComparison.Ordinal)
                || token.IndexOfAny(['{', '*', '<', '?', '=', '|', '~', '$', '#', '"', '+']) >= 0
                || token.Contains("App_Data", StringComparison.Ordinal) || token.StartsWith("artifacts/", StringComparison.Ordinal)
                || token.Contains("/bin/", StringComparison.Ordinal)
                || token.Contains("://", StringComparison.Ordinal))
            {
                continue; // a URL path, a pattern, a media type, or what only a run makes (the portal's data, CI's artifacts, a build's output)
            }

            // Only what starts in a folder of the repository is a citation of it ("logs/portal-….json" is the running portal's).
            var first = token[..token.IndexOf('/', StringComparison.Ordinal)];
            if (!Bases(root, first).Any(Directory.Exists))
            {
                continue;
            }

            checkedCount++;
            if (Bases(root, token).Any(p => Directory.Exists(p) || File.Exists(p) || File.Exists(p + ".cs")))
            {
                continue;
            }

            // "Folder/FileTests.Test_name": the file, then the member after the first dot of the last segment.
            var lastSlash = token.LastIndexOf('/');
            var dot = token.IndexOf('.', lastSlash + 1);
            var file = dot > lastSlash + 1 ? Bases(root, token[..dot]).Select(p => p + ".cs").FirstOrDefault(File.Exists) : null;
            if (file is null)
            {
                missing.Add($"{doc}: `{cited}` (no such file or folder)");
            }
            else if (!File.ReadAllText(file).Contains(token[(dot + 1)..].Split('.')[^1], StringComparison.Ordinal))
            {
                missing.Add($"{doc}: `{cited}` ({token[(dot + 1)..]} is not in {Path.GetRelativePath(root, file)})");
            }
        }

        Assert.True(checkedCount > 100, $"Only {checkedCount} citations checked: the docs' format changed?");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void Every_type_member_the_docs_cite_is_in_its_type()
    {
        var root = Infrastructure.TestFolders.RepositoryRoot();
        var sources = Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root, "tests"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        // A type's text: every file that declares it (partial classes span files).
        var types = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (var name in Declaration().Matches(text).Select(m => m.Groups["name"].Value).Distinct())
            {
                (types.TryGetValue(name, out var files) ? files : types[name] = []).Add(text);
            }
        }

        // Stable codes and resource keys look like Type.Member: every string literal of the code and every resource's name.
        var codes = new HashSet<string>(sources.SelectMany(f => Regex.Matches(File.ReadAllText(f), "\"([A-Z][A-Za-z0-9]+\\.[A-Za-z0-9_.]+)\"").Select(m => m.Groups[1].Value)),
            StringComparer.Ordinal);
        foreach (var resx in Directory.GetFiles(Path.Combine(root, "src"), "*.resx", SearchOption.AllDirectories))
        {
            foreach (Match name in Regex.Matches(File.ReadAllText(resx), "<data name=\"(?:Error\\.)?([^\"]+)\""))
            {
                codes.Add(name.Groups[1].Value);
            }
        }

        var missing = new List<string>();
        var checkedCount = 0;
        foreach (var (doc, cited) in Citations(root))
        {
            if (TypeMember().Match(cited) is not { Success: true } m || !types.TryGetValue(m.Groups["type"].Value, out var texts))
            {
                continue; // not Type.Member, or a name the code does not declare (a setting, a product)
            }

            if (codes.Contains(cited))
            {
                continue; // a stable code or a resource key ("SendBack.PartlyPorted"), not a member
            }

            checkedCount++;
            var member = m.Groups["member"].Value;
            if (!texts.Any(t => Regex.IsMatch(t, $@"\b{Regex.Escape(member)}\b")))
            {
                missing.Add($"{doc}: `{cited}` ({m.Groups["type"].Value} has no {member})");
            }
        }

        Assert.True(checkedCount > 20, $"Only {checkedCount} citations checked: the docs' format changed?");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }
}
