namespace OomaPorting.Domain.Porting;

/// <summary>What checking a stored mandate against its fingerprint and its keyed seal finds.</summary>
public enum MandateIntegrity
{
    /// <summary>The text matches its SHA-256 and its keyed seal.</summary>
    Intact,

    /// <summary>The text no longer matches its SHA-256 or its seal: it was changed after signature.</summary>
    Altered,

    /// <summary>Signed before mandates were sealed with a key: only the plain SHA-256 can be checked, and it matches.</summary>
    FingerprintOnly,

    /// <summary>Sealed with a key this portal does not hold (a retired key not configured): it cannot be checked here.</summary>
    UnknownKey,
}
