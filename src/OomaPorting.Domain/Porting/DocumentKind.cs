namespace OomaPorting.Domain.Porting;

/// <summary>What a supporting document proves (docs/domain.md, "Supporting documents").</summary>
public enum DocumentKind
{
    /// <summary>A recent bill of the current carrier: holder, address, account number, under 3 months. Required for fixed numbers.</summary>
    CarrierBill = 0,

    /// <summary>A Kbis extract: the company exists and who may commit it.</summary>
    CompanyRegistration = 1,

    Other = 2,
}
