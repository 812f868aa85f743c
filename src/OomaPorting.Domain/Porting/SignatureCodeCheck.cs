namespace OomaPorting.Domain.Porting;

/// <summary>What typing a signature code back found.</summary>
public enum SignatureCodeCheck
{
    Confirmed,
    Wrong,
    Expired,

    /// <summary>Too many wrong attempts: this code no longer counts, a new one must be asked for.</summary>
    Locked,

    /// <summary>Already used for a submission.</summary>
    Used,
}
