using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Features.PortingStatus;
using OomaPorting.Web.Infrastructure.Api;

namespace OomaPorting.Web.Features.Api;

/// <summary>
/// <c>/api/v1/port-requests</c>: an account's requests through its API key, on the same slices as the pages (the
/// account filter, the domain's rules and the validators are theirs). Another account's request is a 404.
/// </summary>
[Tags("Port requests")]
public sealed class PortRequestsApiController : PortalApiController
{
    /// <summary>List the account's requests.</summary>
    /// <remarks>Newest first, with filters and a cursor (nextCursor of the previous page).</remarks>
    /// <param name="status">Keep only these statuses (repeat the parameter, or separate with commas; 20 values at most): draft, submitted, actionRequired, focConfirmed, testCall, completed, cancelled.</param>
    /// <param name="reference">A reference (POR-2026-000123).</param>
    /// <param name="limit">Rows per page, 1 to 200 (50 by default).</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    [HttpGet("port-requests")]
    [ProducesResponseType<BrowsePortRequests.Page>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public Task<IActionResult> List([FromQuery] string[]? status, [FromQuery] string? reference, [FromQuery] int? limit, [FromQuery] string? cursor)
    {
        if (ApiEnums.ParseList<PortRequestStatus>(status, out var statuses) is { } refusal)
        {
            var code = refusal == "TooMany" ? "Api.Status.TooMany" : "Api.Status";
            return Task.FromResult<IActionResult>(Problem(ApiProblems.For(HttpContext, StatusCodes.Status400BadRequest, "Api.Invalid",
                [new ApiProblems.FieldError("status", code, ApiProblems.For(HttpContext, 400, code).Title)])));
        }

        var query = new BrowsePortRequests.Query
        {
            Status = statuses, Reference = reference, Limit = limit ?? BrowsePortRequests.DefaultLimit, Cursor = cursor,
        };
        return Send(ct => Mediator.Send(query, ct), page => Ok(page));
    }

    /// <summary>Read a request.</summary>
    /// <remarks>Status, whose turn, stages with dates, the answers, numbers with their outcome, history and messages. ETag: its version.</remarks>
    [HttpGet("port-requests/{id:guid}")]
    [ProducesResponseType<ApiPortRequest>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public Task<IActionResult> Get(Guid id) =>
        Send(ct => Mediator.Send(new GetPortRequest.Query(id), ct), model => WithETag(ApiPortRequest.From(model), model.Request.Version));

    /// <summary>Cancel a request.</summary>
    /// <remarks>Until two working days before its FOC date. Send If-Match with the ETag you read to cancel only what you saw.</remarks>
    [HttpPost("port-requests/{id:guid}/cancel")]
    [Authorize(Policy = ApiPolicies.Write)]
    [ProducesResponseType<ApiPortRequest>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status403Forbidden, ApiProblems.ContentType)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status412PreconditionFailed, ApiProblems.ContentType)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status422UnprocessableEntity, ApiProblems.ContentType)]
    public Task<IActionResult> Cancel(Guid id, [FromBody] CancelBody? body)
    {
        if (!TryIfMatch(out var expected, out var refusal))
        {
            return Task.FromResult(refusal!);
        }

        return Send(async ct =>
        {
            var version = expected ?? (await Mediator.Send(new GetPortRequest.Query(id), ct)).Request.Version;
            await Mediator.Send(new CancelPortRequest.Command { Id = id, Version = version, Reason = body?.Reason }, ct);
            return await Mediator.Send(new GetPortRequest.Query(id), ct);
        }, model => WithETag(ApiPortRequest.From(model), model.Request.Version));
    }

    /// <summary>Write to support.</summary>
    /// <remarks>A message on the request's thread, as the admin's page posts it.</remarks>
    [HttpPost("port-requests/{id:guid}/messages")]
    [Authorize(Policy = ApiPolicies.Write)]
    [ProducesResponseType<ApiPortRequest.MessageInfo>(StatusCodes.Status201Created)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status403Forbidden, ApiProblems.ContentType)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public Task<IActionResult> PostMessage(Guid id, [FromBody] MessageBody? body)
    {
        var command = new PortingStatus.PostMessage.Command { Id = id, Body = body?.Body };
        return Send(async ct =>
        {
            await Mediator.Send(command, ct);
            return (await Mediator.Send(new GetPortRequest.Query(id), ct)).Messages[^1];
        }, m => StatusCode(StatusCodes.Status201Created,
            new ApiPortRequest.MessageInfo(m.Id, m.AuthorRole == ActorRole.Support ? "support" : "customer", m.AuthorName, m.SentAtUtc, m.Body)));
    }

    /// <summary>Download the signed mandate (PDF).</summary>
    /// <remarks>404 before submission, or once deleted under the retention rules.</remarks>
    [HttpGet("port-requests/{id:guid}/mandate.pdf")]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, "application/pdf")]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public Task<IActionResult> Mandate(Guid id) =>
        Send(ct => Mediator.Send(new DownloadMandate.Query(id), ct), pdf => PrivateFile(pdf.Content, "application/pdf", pdf.FileName));

    /// <summary>Download the FOC date as a calendar file (.ics).</summary>
    /// <remarks>While the date is confirmed and the test call not done.</remarks>
    [HttpGet("port-requests/{id:guid}/foc.ics")]
    [ProducesResponseType<Stream>(StatusCodes.Status200OK, "text/calendar")]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public Task<IActionResult> FocCalendar(Guid id) =>
        Send(ct => Mediator.Send(new GetFocCalendar.Query(id), ct), file => PrivateFile(file.Content, "text/calendar; charset=utf-8", file.FileName));

    /// <summary>A file of the account's (a signed mandate, a calendar file): a download no shared cache keeps.</summary>
    private FileContentResult PrivateFile(byte[] content, string type, string name)
    {
        Response.Headers.CacheControl = "no-store";
        return File(content, type, name);
    }

    /// <param name="Reason">Why (optional, shown to support).</param>
    public sealed record CancelBody(string? Reason);

    /// <param name="Body">The message (up to 4,000 characters).</param>
    public sealed record MessageBody(string? Body);
}
