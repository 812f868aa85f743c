namespace OomaPorting.Domain.Porting;

/// <summary>
/// Something a person may do to a request once it exists. Whether it may be done now is one rule in the domain
/// (<see cref="PortRequest.Refusal"/>), which the action's own method uses as its guard and which pages, the API and
/// e-mails ask instead of comparing statuses.
/// </summary>
public enum PortAction
{
    /// <summary>Support marks the documents checked ("Pièces vérifiées").</summary>
    CheckDocuments,

    /// <summary>Support sets the FOC date, or moves it.</summary>
    SetFocDate,

    /// <summary>Support starts the test call, on or after the FOC day.</summary>
    StartTestCall,

    /// <summary>Support records the test call's outcome.</summary>
    RecordTestCall,

    /// <summary>Support refuses some numbers (the carrier's answer).</summary>
    RefuseNumbers,

    /// <summary>Support sends the request back to the customer for a correction.</summary>
    SendBack,

    /// <summary>Support takes, releases or hands over the request.</summary>
    Assign,

    /// <summary>The admin (or support, on the customer's word) keeps the account's temporary number.</summary>
    KeepTemporaryNumber,

    /// <summary>The admin or support stops the request.</summary>
    Cancel,

    /// <summary>The admin signs the request: submits it, or resubmits it corrected after a send-back.</summary>
    Sign,

    /// <summary>The admin deletes a draft.</summary>
    DeleteDraft,

    /// <summary>The admin asks for (or changes, or withdraws) a porting date.</summary>
    RequestPortDate,
}
