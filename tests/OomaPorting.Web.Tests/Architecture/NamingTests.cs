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
        Assert.True(result.IsSuccessful, "Not in a file of their name: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []));
    }
}
