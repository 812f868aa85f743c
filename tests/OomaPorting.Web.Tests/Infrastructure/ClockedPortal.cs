using Microsoft.Extensions.Time.Testing;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// One portal shared by a test class, its clock on Tuesday 1 December 2026, 08:00 UTC (09:00 in Paris, a working day).
/// For tests that do not move the clock: a fake clock cannot go back for the next test.
/// </summary>
public sealed class ClockedPortal : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public PortalFactory Factory { get; }

    public ClockedPortal() => Factory = new PortalFactory { Clock = Clock };

    public void Dispose() => Factory.Dispose();
}
