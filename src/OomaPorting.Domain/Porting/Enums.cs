namespace OomaPorting.Domain.Porting;

public enum NumberType
{
    Fixed = 0,
    Mobile = 1,
}

/// <summary>The customer's internet connection, asked because ADSL on the ported line can be cut by the port.</summary>
public enum InternetConnection
{
    Fibre = 0,
    AdslVdsl = 1,
    Cable = 2,
    Mobile4G5G = 3,
    Satellite = 4,
    Other = 5,
}

/// <summary>For ADSL/VDSL: does the internet share the copper line of the number being ported?</summary>
public enum SharedLineAnswer
{
    No = 0,
    Yes = 1,
    DontKnow = 2,
}

/// <summary>The parts of the wizard, used to reopen only what a reason for sending back concerns.</summary>
[Flags]
public enum WizardSection
{
    None = 0,
    NumberType = 1,
    Carrier = 2,
    CarrierAccount = 4,
    Lines = 8,
    AddressAndHolder = 16,
    MainNumber = 32,
    Signature = 64,
    All = NumberType | Carrier | CarrierAccount | Lines | AddressAndHolder | MainNumber | Signature,
}

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
}

public static class ReasonCodes
{
    /// <summary>The wizard sections the customer reopens to fix a reason. Signature is always reopened: a fix is re-signed.</summary>
    public static WizardSection SectionsFor(ReasonCode code) => code switch
    {
        ReasonCode.RioInvalid or ReasonCode.NumberInactive or ReasonCode.PortPendingElsewhere or ReasonCode.LinesIncomplete
            => WizardSection.Lines | WizardSection.MainNumber,
        ReasonCode.HolderMismatch or ReasonCode.AddressMismatch => WizardSection.AddressAndHolder,
        ReasonCode.AccountNumberInvalid or ReasonCode.DryLineRequired => WizardSection.CarrierAccount,
        ReasonCode.MandateInvalid => WizardSection.Signature,
        ReasonCode.Other => WizardSection.All,
        _ => WizardSection.None,
    };

    public static WizardSection SectionsFor(IEnumerable<ReasonCode> codes) =>
        codes.Aggregate(WizardSection.Signature, (sections, code) => sections | SectionsFor(code));
}
