namespace OomaPorting.Domain.Porting;

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
    Documents = 128,
    All = NumberType | Carrier | CarrierAccount | Lines | AddressAndHolder | MainNumber | Signature | Documents,
}
