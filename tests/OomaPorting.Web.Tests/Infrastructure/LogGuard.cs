using OomaPorting.Domain.Numbers;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// The demo data's phone numbers (in every written form), RIOs, carrier account numbers, e-mail addresses and password:
/// none may appear in any log line of any portal the HTTP suite starts.
/// </summary>
public static class LogGuard
{
    private static readonly string[] SeededNumbers =
    [
        "01 42 60 30 10", "01 42 60 30 11", "04 78 12 34 56", "05 56 44 10 20", "05 56 44 10 21", "05 56 44 10 22", "09 51 20 30 40",
        "09 72 10 20 30", "09 72 40 50 60",
    ];

    private static readonly string[] SeededRioStarts = ["F0X4K2P91", "F1B7Q2M4L", "F6C9D1E2F", "F0Z5Y6X7W"];

    public static IReadOnlyList<string> Secrets { get; } = Build();

    private static List<string> Build()
    {
        var secrets = new List<string> { "FT-88231", "SFR-552014", "OVH-77120", "FT-10442", DemoData.Password };
        foreach (var n in SeededNumbers.Select(FrenchNumber.Parse))
        {
            secrets.AddRange([n.E164, n.National, n.Display]);
        }

        secrets.AddRange(SeededRioStarts);
        secrets.AddRange(["admin@boulangerie-martin", "employe@boulangerie-martin", "admin@cabinet-durand", "secretariat@cabinet-durand", "support@ooma-office"]);
        return secrets;
    }

    public static void AssertClean(CapturingSink logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        var leaks = logs.Lines().SelectMany(line => Secrets.Where(s => line.Contains(s, StringComparison.OrdinalIgnoreCase)).Select(s => (s, line))).Take(3).ToList();
        if (leaks.Count > 0)
        {
            throw new InvalidOperationException("Secrets in the logs: " + string.Join(" || ", leaks.Select(l => $"{l.s} in: {l.line[..Math.Min(200, l.line.Length)]}")));
        }
    }
}
