namespace OomaPorting.Domain.Numbers;

/// <summary>What a French number is, by its first digits (docs/domain.md, "French numbers").</summary>
public enum NumberClass
{
    /// <summary>01 to 05.</summary>
    Geographic = 0,

    /// <summary>06 and 07.</summary>
    Mobile = 1,

    /// <summary>09, non-geographic ("polyvalent"), typical for VoIP.</summary>
    NonGeographic = 2,

    /// <summary>08: free, shared-cost and premium-rate services. Never portable here.</summary>
    Special = 3,
}
