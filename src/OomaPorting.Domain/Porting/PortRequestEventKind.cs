using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

public enum PortRequestEventKind
{
    Created = 0,
    Submitted = 1,
    Resubmitted = 2,
    FocDateSet = 3,
    FocDateMoved = 4,
    TestCallStarted = 5,
    TestCallPassed = 6,
    TestCallFailed = 7,
    ActionRequired = 8,
    Cancelled = 9,
    KeepTemporaryNumberRequested = 10,
    PortDateRequested = 11,

    /// <summary>Support took, released or handed over the request (internal: not in the customer's history).</summary>
    AssignmentChanged = 12,

    /// <summary>Support marked some numbers refused by the losing carrier; the others go ahead.</summary>
    NumbersRefused = 13,

    /// <summary>The customer gave up porting refused numbers.</summary>
    NumbersWithdrawn = 14,

    /// <summary>The customer took refused numbers into a follow-up request (<see cref="PortRequestEvent.FollowUpRequestId"/>).</summary>
    FollowUpStarted = 15,

    /// <summary>The retention period of the request's personal data ended: they were erased (RGPD).</summary>
    PersonalDataErased = 16,

    /// <summary>The evidence period of the signed mandates ended: they were deleted.</summary>
    MandatesDeleted = 17,

    /// <summary>Support checked the documents against the request ("Pièces vérifiées") before sending it to the carrier.</summary>
    DocumentsChecked = 18,
}
