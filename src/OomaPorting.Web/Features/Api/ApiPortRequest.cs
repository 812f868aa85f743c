using OomaPorting.Web.Features.PortingStatus;

namespace OomaPorting.Web.Features.Api;

/// <summary>
/// A port request as the API shows it to its account: the same facts as the "Statut du portage" page (stages with
/// their dates, whose turn, the numbers with their own outcome, the public history and the thread with support), never
/// support's internal notes or desk-only events. Enums are camelCase strings; times are UTC; dates are dates in France.
/// </summary>
public sealed record ApiPortRequest(
    Guid Id,
    string? Reference,
    PortRequestStatus Status,
    Turn WhoseTurn,
    IReadOnlyList<ApiAction> Actions,
    int Version,
    NumberType? NumberType,
    ApiPortRequest.CarrierInfo? Carrier,
    DateOnly? FocDate,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? SubmittedAt,
    DateTime? CompletedAt,
    DateTime? CancelledAt,
    string? ActionMessage,
    IReadOnlyList<ReasonCode> Reasons,
    Guid? FollowUpOf,
    ApiPortRequest.CarrierAccountInfo? CarrierAccount,
    ApiDraft.HolderPart? Holder,
    ApiDraft.AddressPart? Address,
    IReadOnlyList<ApiPortRequest.StageInfo> Stages,
    IReadOnlyList<ApiPortRequest.NumberInfo> Numbers,
    IReadOnlyList<ApiPortRequest.EventInfo> Events,
    IReadOnlyList<ApiPortRequest.MessageInfo> Messages,
    ApiPortRequest.LinkInfo Links)
{
    public sealed record CarrierInfo(string? Code, string? Name);

    public sealed record CarrierAccountInfo(string? AccountNumber, InternetConnection? Internet, SharedLineAnswer? SharedLine, bool LinesSeparated);

    public sealed record StageInfo(string Key, DateOnly? Done, DateOnly? ExpectedFrom, DateOnly? ExpectedTo, bool Current, bool Late);

    /// <param name="Number">E.164 (<c>+33145000000</c>).</param>
    /// <param name="Display">As people write it (<c>01 45 00 00 00</c>).</param>
    /// <param name="Outcome">What became of it, as the pages say: its status, with a refusal because it failed the test
    /// call (failedTestCall: the customer has something to fix) apart from the carrier's refusal (refused).</param>
    public sealed record NumberInfo(string Number, string Display, bool Main, PortLineStatus Status, NumberOutcome Outcome, ReasonCode? RefusalReason,
        string? RefusalComment, DateTime? PortedAt, Guid? FollowUpRequestId);

    public sealed record EventInfo(int Sequence, PortRequestEventKind Kind, DateTime At, PortRequestStatus FromStatus, PortRequestStatus ToStatus,
        DateOnly? FocDate, int? NumberCount);

    /// <param name="From"><c>support</c> or <c>customer</c>.</param>
    public sealed record MessageInfo(Guid Id, string From, string Author, DateTime At, string Body);

    public sealed record LinkInfo(string Self, string? Mandate, string? Calendar, string Page);

    public static ApiPortRequest From(GetPortRequest.Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var r = model.Request;
        var self = $"/api/v1/port-requests/{r.Id}";
        var calendar = r.HasCalendarFile ? self + "/foc.ics" : null;
        return new ApiPortRequest(
            r.Id, r.Reference, r.Status, model.Whose, [.. model.Actions.SelectMany(OfAction)], r.Version, r.NumberType,
            r.CarrierCode is null && r.CarrierOtherName is null ? null : new CarrierInfo(r.CarrierCode, r.CarrierDisplayName),
            r.FocDate, r.CreatedAtUtc, r.UpdatedAtUtc, r.SubmittedAtUtc, r.CompletedAtUtc, r.CancelledAtUtc,
            r.Status == PortRequestStatus.ActionRequired ? r.ActionMessage : null,
            r.Status == PortRequestStatus.ActionRequired ? r.ActionReasons : [],
            r.FollowUpOfId,
            r.CarrierAccountNumber is null && r.InternetConnection is null ? null
                : new CarrierAccountInfo(r.CarrierAccountNumber?.Value, r.InternetConnection, r.SharedLine, r.LinesSeparatedConfirmed),
            r.AccountHolder is { } h ? new ApiDraft.HolderPart(h.FirstName, h.LastName, h.CompanyName, h.Siret?.Value) : null,
            r.ServiceAddress is { } a ? new ApiDraft.AddressPart(a.Street, a.PostalCode, a.City, a.Complement) : null,
            [.. model.Stages.Select(s => new StageInfo(Camel(s.Key), s.Done, s.ExpectedFrom, s.ExpectedTo, s.IsCurrent, s.Late))],
            [.. r.Lines.OrderBy(l => l.Position).Select(l => new NumberInfo(l.Number.E164, l.Number.Display, l.Position == 0, l.Status, l.Outcome,
                l.RefusalReason, l.RefusalComment, l.PortedAtUtc, l.FollowUpRequestId))],
            [.. r.Events.Where(e => !e.IsInternal).OrderBy(e => e.Sequence).Select(e => new EventInfo(e.Sequence, e.Kind, e.OccurredAtUtc,
                e.FromStatus, e.ToStatus, e.NewFocDate, e.LineCount))],
            [.. model.Messages.Select(m => new MessageInfo(m.Id, m.AuthorRole == ActorRole.Support ? "support" : "customer", m.AuthorName,
                m.SentAtUtc, m.Body))],
            new LinkInfo(self, r.MandateCount > 0 && r.MandatesDeletedAtUtc is null ? self + "/mandate.pdf" : null, calendar, $"/portage/{r.Id}"));
    }

    /// <summary>The API's operation for a domain action, where it has one.</summary>
    private static IEnumerable<ApiAction> OfAction(PortAction action) => action switch
    {
        PortAction.Sign => [ApiAction.Submit],
        PortAction.DeleteDraft => [ApiAction.Delete],
        PortAction.Cancel => [ApiAction.Cancel],
        _ => [],
    };

    private static string Camel(string key) => char.ToLowerInvariant(key[0]) + key[1..];
}
