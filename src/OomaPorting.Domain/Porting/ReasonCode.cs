namespace OomaPorting.Domain.Porting;

/// <summary>Why support sends a request back to the customer (docs/domain.md, "Reasons a request is sent back").</summary>
public enum ReasonCode
{
    RioInvalid = 0,
    HolderMismatch = 1,
    AddressMismatch = 2,
    AccountNumberInvalid = 3,
    NumberInactive = 4,
    PortPendingElsewhere = 5,
    LinesIncomplete = 6,
    DryLineRequired = 7,
    MandateInvalid = 8,
    Other = 9,
    BillUnreadable = 10,
    SiretIncorrect = 11,
}
