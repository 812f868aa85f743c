using System.Text.Json;
using OomaPorting.Web.Infrastructure.Api;

namespace OomaPorting.Web.Features.Webhooks;

/// <summary>
/// The JSON body of a delivery: the event (<c>id</c>, <c>type</c>, <c>createdAt</c>, <c>sequence</c> within its
/// request) and, in <c>data</c>, the request as it stood right after the change, the same summary the API's list gives
/// plus its numbers counted by outcome; a support message, or the numbers just refused, when the event is about them.
/// For everything else (the events, the documents), the <c>links.self</c> of the request in the API.
/// </summary>
public sealed record WebhookPayload(Guid Id, string Type, DateTime CreatedAt, long Sequence, WebhookPayload.Content Data)
{
    /// <param name="Message">For <c>port_request.message</c>.</param>
    /// <param name="RefusedNumbers">For <c>port_request.numbers_refused</c>: the numbers refused by this change.</param>
    public sealed record Content(Request? PortRequest, MessageInfo? Message, IReadOnlyList<RefusedNumber>? RefusedNumbers, string? Note);

    public sealed record Request(Guid Id, string? Reference, PortRequestStatus Status, Turn WhoseTurn, NumberType? NumberType, string? CarrierCode,
        string? MainNumber, int NumberCount, IReadOnlyDictionary<string, int> NumbersByStatus, DateOnly? FocDate, DateTime CreatedAt, DateTime UpdatedAt,
        DateTime? SubmittedAt, DateTime? CompletedAt, DateTime? CancelledAt, string? ActionMessage, IReadOnlyList<ReasonCode> Reasons, Guid? FollowUpOf,
        int Version, Links Links);

    public sealed record Links(string Self, string Page);

    /// <param name="From"><c>support</c>.</param>
    public sealed record MessageInfo(Guid Id, string From, string Author, DateTime At, string Body);

    public sealed record RefusedNumber(string Number, string Display, ReasonCode? Reason, string? Comment);

    /// <summary>The body as sent, in the API's JSON conventions (camelCase, enums as camelCase strings, every field written).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    private static readonly JsonSerializerOptions Options = MakeOptions();

    private static JsonSerializerOptions MakeOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiJson.Configure(options);
        return options;
    }
}
