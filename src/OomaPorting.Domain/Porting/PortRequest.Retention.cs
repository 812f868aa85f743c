using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// What a closed request keeps, and for how long (RGPD): its reference, dates, numbers, statuses and history stay for
/// statistics and the account's own record; the personal data go once their retention period is over, then, later,
/// the signed mandate (kept as evidence as long as the law requires). The periods are the portal's settings; the rules
/// of what goes are here, once.
/// </summary>
public sealed partial class PortRequest
{
    /// <summary>When this request's personal data were erased; null while they are kept.</summary>
    public DateTime? PersonalDataErasedAtUtc { get; private set; }

    /// <summary>When this request's signed mandates were deleted at the end of their retention; null while kept.</summary>
    public DateTime? MandatesDeletedAtUtc { get; private set; }

    /// <summary>When the request ended (completed or cancelled); null while it may still change.</summary>
    public DateTime? ClosedAtUtc => Status switch
    {
        PortRequestStatus.Completed => CompletedAtUtc,
        PortRequestStatus.Cancelled => CancelledAtUtc,
        _ => null,
    };

    /// <summary>
    /// Erases the personal data of a closed request: the line holder, the service address, the carrier account number,
    /// the signer's name, the desk's free text to the customer, the carrier's words on refused numbers, the attached
    /// documents (bills, Kbis: their bytes go with them, by cascade), and from each mandate the drawn signature, the signer's IP address and browser. The reference, dates, numbers, statuses,
    /// reason codes and the history stay. Answers false when already done.
    /// </summary>
    public bool ErasePersonalData(DateTime nowUtc)
    {
        RequireClosed();
        if (PersonalDataErasedAtUtc is not null)
        {
            return false;
        }

        AccountHolder = null;
        ServiceAddress = null;
        CarrierAccountNumber = null;
        SignerName = null;
        ActionMessage = null;
        foreach (var line in _lines)
        {
            line.EraseRefusalComment();
        }

        foreach (var mandate in _mandates)
        {
            mandate.ErasePersonalData();
        }

        _documents.Clear();
        DocumentCount = 0;
        BillCount = 0;

        PersonalDataErasedAtUtc = nowUtc;
        Record(Actor.System, nowUtc, PortRequestEventKind.PersonalDataErased, Status);
        return true;
    }

    /// <summary>
    /// Deletes the signed mandates of a closed request whose evidence period is over (their text names the holder and
    /// the signer). Answers false when there is none left.
    /// </summary>
    public bool DeleteMandates(DateTime nowUtc)
    {
        RequireClosed();
        if (MandatesDeletedAtUtc is not null)
        {
            return false;
        }

        _mandates.Clear();
        MandatesDeletedAtUtc = nowUtc;
        Record(Actor.System, nowUtc, PortRequestEventKind.MandatesDeleted, Status);
        return true;
    }

    private void RequireClosed()
    {
        if (ClosedAtUtc is null)
        {
            throw new DomainException("Retention.NotClosed", "Only a completed or cancelled request's data can be erased.");
        }
    }
}
