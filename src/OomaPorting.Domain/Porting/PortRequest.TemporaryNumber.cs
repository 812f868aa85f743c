using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// The account's temporary number and this request: chosen at signature (<see cref="ChooseMainNumber"/>), and after
/// submission the customer may still ask to keep it, until the test call.
/// </summary>
public sealed partial class PortRequest
{
    /// <summary>
    /// At any time before the test call the admin (or support, on the customer's word) may ask to keep the account's
    /// temporary number as a virtual number (billed as any other number). Only an account that still has one can.
    /// </summary>
    public void RequestKeepTemporaryNumber(Actor actor, bool accountHasTemporaryNumber, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireMay(PortAction.KeepTemporaryNumber, actor, nowUtc); // before the test call, once
        if (!accountHasTemporaryNumber)
        {
            throw new DomainException("KeepTemporaryNumber.NoTemporaryNumber", "The account has no temporary number any more.");
        }

        KeepTemporaryNumber = true;
        Record(actor, nowUtc, PortRequestEventKind.KeepTemporaryNumberRequested, Status);
    }
}
