using NetArchTest.Rules;

namespace OomaPorting.Web.Tests.Architecture;

/// <summary>
/// A newcomer finds a type in one hop: every top-level type lives in the file named after it (read from the debug
/// symbols, so a second class slipped into a slice's file fails here). The symbols only place types that have code:
/// an enum or an interface has no lines of its own and is kept in its file by review. Generated code (Razor views, the
/// mediator, migrations) is left out.
/// </summary>
public class NamingTests
{
    public static TheoryData<string> Assemblies => new() { "OomaPorting.Web", "OomaPorting.Domain" };

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_top_level_type_lives_in_the_file_named_after_it(string assembly)
    {
        var types = assembly == "OomaPorting.Web" ? Types.InAssembly(typeof(PortalServices).Assembly) : Types.InAssembly(typeof(Domain.Porting.PortRequest).Assembly);
        var result = types.That().AreNotNested()
            .And().DoNotResideInNamespace("AspNetCoreGeneratedDocument")
            .And().DoNotResideInNamespace("Mediator")
            .And().DoNotResideInNamespace("Microsoft")
            .And().DoNotResideInNamespace("System")
            .And().DoNotResideInNamespaceContaining("Migrations")
            .And().DoNotHaveNameStartingWith("<")
            .Should().HaveSourceFileNameMatchingName()
            .GetResult();
        var failing = (result.FailingTypes ?? []).Where(t => !IsSplitByPart(assembly, t.Name)).Select(t => t.FullName).ToList();
        Assert.True(failing.Count == 0, "Not in a file of their name: " + string.Join(", ", failing));
    }

    /// <summary>
    /// A partial type spread over <c>{Name}.cs</c> and <c>{Name}.{Part}.cs</c> (the request's lifecycle, its draft, its
    /// assignment, ...) is in files of its name; the symbols give the rule only one of them, whichever the compiler saw first.
    /// </summary>
    private static bool IsSplitByPart(string assembly, string name)
    {
        var source = Path.Combine(Infrastructure.TestFolders.RepositoryRoot(), "src", assembly);
        if (!Directory.Exists(source))
        {
            return false;
        }

        var declaring = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), $@"\bpartial (class|record|struct) {name}\b"))
            .Select(Path.GetFileName).ToList();
        return declaring.Contains(name + ".cs") && declaring.All(f => f == name + ".cs" || f!.StartsWith(name + ".", StringComparison.Ordinal));
    }
}
