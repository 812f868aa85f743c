namespace OomaPorting.Domain.Porting;

/// <summary>In what capacity the signer commits the holder ("en qualité de gérant"): one of the usual roles, or another
/// one the signer names.</summary>
public enum SignerCapacityKind
{
    /// <summary>Gérant (SARL, EURL).</summary>
    Manager = 1,

    /// <summary>Président (SAS, SASU).</summary>
    President = 2,

    /// <summary>Directeur général.</summary>
    ChiefExecutive = 3,

    /// <summary>Salarié mandaté: an employee given authority by the company.</summary>
    AuthorisedEmployee = 4,

    /// <summary>Another capacity, named in <see cref="SignerCapacity.Detail"/>.</summary>
    Other = 5,
}
