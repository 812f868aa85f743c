using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;

namespace OomaPorting.Domain.Porting;

/// <summary>
/// "May this be done now": one rule per <see cref="PortAction"/>, answering the refusal's stable code or nothing, like
/// the field checks. Each action's method uses it as its guard; pages offer what <see cref="Actions"/> lists, the API
/// lists it per request, and nothing else compares statuses to decide what may be done.
/// </summary>
public sealed partial class PortRequest
{
    /// <summary>The codes <see cref="Refusal"/> can answer: a refusal with another code is about the input, not the moment.</summary>
    public static IReadOnlySet<string> ActionRefusalCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "PortRequest.Forbidden", "PortRequest.InvalidTransition", "Precheck.AlreadyDone", "FocDate.NotChecked", "TestCall.BeforeFocDate",
        "SendBack.PartlyPorted", "Cancel.TooCloseToFocDate", "Cancel.PartlyPorted", "KeepTemporaryNumber.AlreadyRequested", "RequestedDate.Locked",
    };

    /// <summary>
    /// Why someone of <paramref name="role"/> may not do <paramref name="action"/> at <paramref name="nowUtc"/> (a stable
    /// code of <see cref="ActionRefusalCodes"/>), or null when they may. What the action is given (a date, numbers, a
    /// message) is checked by the action itself.
    /// </summary>
    public string? Refusal(PortAction action, ActorRole role, BusinessCalendar calendar, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        const ActorRole support = ActorRole.Support;
        const ActorRole admin = ActorRole.AccountAdmin;
        var partlyPorted = _lines.Any(l => l.Status == PortLineStatus.Ported);
        return action switch
        {
            PortAction.CheckDocuments => Role(role, support) ?? In(PortRequestStatus.Submitted)
                ?? (DocumentsCheckedAtUtc is null ? null : "Precheck.AlreadyDone"),
            PortAction.SetFocDate => Role(role, support) ?? In(PortRequestStatus.Submitted, PortRequestStatus.FocConfirmed)
                ?? (AwaitsDocumentsCheck ? "FocDate.NotChecked" : null),
            PortAction.StartTestCall => Role(role, support) ?? In(PortRequestStatus.FocConfirmed)
                ?? (FocDate is { } foc && BusinessCalendar.DateInFrance(nowUtc) >= foc ? null : "TestCall.BeforeFocDate"),
            PortAction.RecordTestCall => Role(role, support) ?? In(PortRequestStatus.TestCall),
            PortAction.RefuseNumbers => Role(role, support) ?? In(PortRequestStatus.Submitted, PortRequestStatus.FocConfirmed),
            PortAction.SendBack => Role(role, support) ?? In(PortRequestStatus.Submitted, PortRequestStatus.FocConfirmed)
                ?? (partlyPorted ? "SendBack.PartlyPorted" : null),
            PortAction.Assign => Role(role, support) ?? In([.. PortRequestStatuses.UnderWay]),
            PortAction.KeepTemporaryNumber => Role(role, admin, support)
                ?? In(PortRequestStatus.Draft, PortRequestStatus.Submitted, PortRequestStatus.ActionRequired, PortRequestStatus.FocConfirmed)
                ?? (KeepTemporaryNumber ? "KeepTemporaryNumber.AlreadyRequested" : null),
            PortAction.Cancel => Role(role, admin, support)
                ?? In(PortRequestStatus.Draft, PortRequestStatus.Submitted, PortRequestStatus.ActionRequired, PortRequestStatus.FocConfirmed)
                ?? (role == admin && !CustomerMayCancel(calendar, nowUtc) ? "Cancel.TooCloseToFocDate" : null)
                ?? (partlyPorted ? "Cancel.PartlyPorted" : null),
            PortAction.Sign => Role(role, admin) ?? In(PortRequestStatus.Draft, PortRequestStatus.ActionRequired),
            PortAction.DeleteDraft => Role(role, admin) ?? In(PortRequestStatus.Draft),
            PortAction.RequestPortDate => Role(role, admin) ?? (MayRequestPortDate ? null : "RequestedDate.Locked"),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not an action."),
        };
    }

    /// <summary>Whether someone of <paramref name="role"/> may do <paramref name="action"/> now.</summary>
    public bool May(PortAction action, ActorRole role, BusinessCalendar calendar, DateTime nowUtc) =>
        Refusal(action, role, calendar, nowUtc) is null;

    /// <summary>Every action someone of <paramref name="role"/> may do now, in the order of <see cref="PortAction"/>.</summary>
    public IReadOnlyList<PortAction> Actions(ActorRole role, BusinessCalendar calendar, DateTime nowUtc) =>
        [.. Enum.GetValues<PortAction>().Where(a => May(a, role, calendar, nowUtc))];

    /// <summary>The guard of each action's method: throws the refusal's code, changing nothing.</summary>
    private void RequireMay(PortAction action, Actor actor, DateTime nowUtc, BusinessCalendar? calendar = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (Refusal(action, actor.Role, calendar ?? BusinessCalendar.France, nowUtc) is { } code)
        {
            throw new DomainException(code, $"{action} is not possible now ({code}); the request is {Status}.");
        }
    }

    private static string? Role(ActorRole role, params ActorRole[] allowed) => allowed.Contains(role) ? null : "PortRequest.Forbidden";

    private string? In(params PortRequestStatus[] allowed) => allowed.Contains(Status) ? null : "PortRequest.InvalidTransition";
}
