namespace OomaPorting.Domain.Porting;

/// <summary>The half-day a customer prefers for the port (a wish the carrier may or may not grant).</summary>
public enum PortingHalfDay
{
    Morning = 1,
    Afternoon = 2,
}
