namespace OomaPorting.Domain.Porting;

/// <summary>Which wizard sections each reason reopens (docs/domain.md, "Reasons a request is sent back").</summary>
public static class ReasonCodes
{
    /// <summary>The wizard sections the customer reopens to fix a reason. Signature is always reopened: a fix is re-signed.</summary>
    public static WizardSection SectionsFor(ReasonCode code) => code switch
    {
        ReasonCode.RioInvalid or ReasonCode.NumberInactive or ReasonCode.PortPendingElsewhere or ReasonCode.LinesIncomplete
            => WizardSection.Lines | WizardSection.MainNumber,
        ReasonCode.HolderMismatch or ReasonCode.AddressMismatch => WizardSection.AddressAndHolder | WizardSection.Documents,
        ReasonCode.SiretIncorrect => WizardSection.AddressAndHolder,
        ReasonCode.BillUnreadable => WizardSection.Documents,
        ReasonCode.AccountNumberInvalid or ReasonCode.DryLineRequired => WizardSection.CarrierAccount,
        ReasonCode.MandateInvalid => WizardSection.Signature,
        ReasonCode.Other => WizardSection.All,
        _ => WizardSection.None,
    };

    public static WizardSection SectionsFor(IEnumerable<ReasonCode> codes) =>
        codes.Aggregate(WizardSection.Signature, (sections, code) => sections | SectionsFor(code));
}
