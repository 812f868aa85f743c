using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Features.PortingStatus;
using OomaPorting.Web.Features.PortingWizard;
using OomaPorting.Web.Infrastructure.Api;

namespace OomaPorting.Web.Features.Api;

/// <summary>
/// Making a request through the API, as the wizard does: a draft created with all its answers in one call or filled
/// step by step, its documents uploaded, then signed: the signature code goes to an admin of the account by e-mail and
/// the request is submitted when the code comes back. A read-write key is needed throughout.
/// </summary>
[Tags("Port requests")]
[Authorize(Policy = ApiPolicies.Write)]
[ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
[ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status403Forbidden, ApiProblems.ContentType)]
[ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status422UnprocessableEntity, ApiProblems.ContentType)]
public sealed class DraftsApiController : PortalApiController
{
    /// <summary>Create a request (a draft with its answers).</summary>
    /// <remarks>Any of the answers, the others later with POST …/draft; each part goes through the wizard's own checks. Nothing is kept if one is refused.</remarks>
    [HttpPost("port-requests")]
    [ProducesResponseType<ApiPortRequest>(StatusCodes.Status201Created)]
    public Task<IActionResult> Create([FromBody] ApiDraft? draft) =>
        Send(async ct =>
        {
            var id = await Mediator.Send(new FillDraft.Command(null, draft ?? new ApiDraft()), ct);
            return await Mediator.Send(new GetPortRequest.Query(id), ct);
        }, model =>
        {
            Response.Headers.ETag = ETags.Of(model.Request.Version);
            return Created($"/api/v1/port-requests/{model.Request.Id}", ApiPortRequest.From(model));
        });

    /// <summary>Fill or change a draft's answers.</summary>
    /// <remarks>Also a request sent back for a fix, in the parts the fix reopens. Nothing is kept if one part is refused. Send If-Match
    /// with the ETag you read to change only what you saw (412 otherwise).</remarks>
    [HttpPost("port-requests/{id:guid}/draft")]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status410Gone, ApiProblems.ContentType)]
    [ProducesResponseType<ApiPortRequest>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status412PreconditionFailed, ApiProblems.ContentType)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public Task<IActionResult> Fill(Guid id, [FromBody] ApiDraft? draft)
    {
        if (!TryIfMatch(out var expected, out var refusal))
        {
            return Task.FromResult(refusal!);
        }

        return Send(async ct =>
        {
            await Mediator.Send(new FillDraft.Command(id, draft ?? new ApiDraft(), expected), ct);
            return await Mediator.Send(new GetPortRequest.Query(id), ct);
        }, model => WithETag(ApiPortRequest.From(model), model.Request.Version));
    }

    /// <summary>Attach documents (the carrier's bill).</summary>
    /// <remarks>multipart/form-data: kind = carrierBill, companyRegistration or other; one or more files, PDF, JPEG or PNG, 10 MB
    /// each, 5 per request. A fixed-line request needs a recent bill of the carrier before it is signed.</remarks>
    [HttpPost("port-requests/{id:guid}/documents")]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status410Gone, ApiProblems.ContentType)]
    [RequestSizeLimit(AttachDocuments.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachDocuments.MaxRequestBytes)]
    [ProducesResponseType<ApiPortRequest>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status413PayloadTooLarge, ApiProblems.ContentType)]
    public Task<IActionResult> Documents(Guid id, [FromForm] DocumentsForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var kind = form.Kind is { Length: > 0 } k && Enum.TryParse<Domain.Porting.DocumentKind>(k, ignoreCase: true, out var parsed) && char.IsAsciiLetter(k[0])
            ? parsed.ToString()
            : form.Kind;
        return Send(async ct =>
        {
            await Mediator.Send(new AttachDocuments.Command { Id = id, Kind = kind, Files = [.. form.Files] }, ct);
            return await Mediator.Send(new GetPortRequest.Query(id), ct);
        }, model => WithETag(ApiPortRequest.From(model), model.Request.Version));
    }

    /// <summary>Sign: a code is e-mailed to an admin.</summary>
    /// <remarks>Every answer is checked as the portal checks it, then a 6-digit code is e-mailed to the admin named by
    /// signer.email; the request is submitted when the code comes back (POST …/submit/confirm). 202: the code is on its way.</remarks>
    [HttpPost("port-requests/{id:guid}/submit")]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status410Gone, ApiProblems.ContentType)]
    [ProducesResponseType<SubmitAnswer>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ApiPortRequest>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public Task<IActionResult> Submit(Guid id, [FromBody] SubmitBody? body)
    {
        var command = new Sign.Command
        {
            Id = id, MainNumber = body?.MainNumber, KeepTemporaryNumber = body?.KeepTemporaryNumber ?? false, AcceptTerms = body?.AcceptTerms ?? false,
            SignerName = body?.Signer?.Name, SignerCapacity = body?.Signer?.Capacity?.ToString(), SignerCapacityDetail = body?.Signer?.CapacityDetail,
            SignerAuthorised = body?.Signer?.Authorised ?? false, SignerEmail = body?.Signer?.Email,
            RequestedDate = body?.RequestedDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            RequestedHalfDay = body?.RequestedHalfDay?.ToString(),
        };
        return Send(async ct => (await Mediator.Send(command, ct), await Mediator.Send(new GetPortRequest.Query(id), ct)), result =>
            result.Item1.AlreadySubmitted
                ? WithETag(ApiPortRequest.From(result.Item2), result.Item2.Request.Version)
                : StatusCode(StatusCodes.Status202Accepted, new SubmitAnswer(id, $"/api/v1/port-requests/{id}/submit/confirm")),
            ("SignerName", "signer.name"), ("SignerCapacityDetail", "signer.capacityDetail"), ("SignerCapacity", "signer.capacity"),
            ("SignerAuthorised", "signer.authorised"), ("SignerEmail", "signer.email"), ("DrawnSignature", "signer.drawing"));
    }

    /// <summary>Confirm the signature code: submitted.</summary>
    /// <remarks>The code the admin received: the request is submitted (200 with the request). Five wrong codes and the code is spent.</remarks>
    [HttpPost("port-requests/{id:guid}/submit/confirm")]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status410Gone, ApiProblems.ContentType)]
    [ProducesResponseType<ApiPortRequest>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public Task<IActionResult> Confirm(Guid id, [FromBody] ConfirmBody? body) =>
        Send(async ct =>
        {
            await Mediator.Send(new ConfirmSignature.Command { Id = id, Code = body?.Code }, ct);
            return await Mediator.Send(new GetPortRequest.Query(id), ct);
        }, model => WithETag(ApiPortRequest.From(model), model.Request.Version));

    /// <summary>Delete a draft.</summary>
    /// <remarks>A submitted request is cancelled instead: POST …/cancel.</remarks>
    [HttpPost("port-requests/{id:guid}/delete")]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status410Gone, ApiProblems.ContentType)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status404NotFound, ApiProblems.ContentType)]
    public Task<IActionResult> Delete(Guid id) =>
        Send(async ct => await Mediator.Send(new DeleteDraft.Command(id), ct), _ => NoContent());

    protected override ApiProblems.Problem? Refusal(Exception exception) => exception switch
    {
        StepLockedException => ApiProblems.For(HttpContext, StatusCodes.Status422UnprocessableEntity, "Api.StepLocked"),
        NoPendingCodeException => ApiProblems.For(HttpContext, StatusCodes.Status422UnprocessableEntity, "Api.NoCodeWaiting"),
        _ => null,
    };

    public sealed class DocumentsForm
    {
        /// <summary>carrierBill, companyRegistration or other.</summary>
        public string? Kind { get; set; }

        public List<IFormFile> Files { get; set; } = [];
    }

    /// <param name="MainNumber">The E.164 of one of the request's numbers to become the account's main number, or keep to keep the current one.</param>
    /// <param name="KeepTemporaryNumber">Keep the account's temporary number (9.95 EUR a month) after the port.</param>
    /// <param name="AcceptTerms">The holder accepts the porting terms (GET /portage/… shows them; docs/api.md).</param>
    /// <param name="RequestedDate">A porting date asked for (optional).</param>
    public sealed record SubmitBody(string? MainNumber, bool KeepTemporaryNumber, bool AcceptTerms, SignerPart? Signer, DateOnly? RequestedDate = null,
        Domain.Porting.PortingHalfDay? RequestedHalfDay = null);

    /// <param name="Name">The signer's full name, as on the mandate.</param>
    /// <param name="Capacity">manager, president, chiefExecutive, authorisedEmployee or other (with capacityDetail): in what capacity the signer commits the holder.</param>
    /// <param name="Authorised">The signer declares that this capacity lets them commit the holder.</param>
    /// <param name="Email">An active admin of the account: the signature code is e-mailed there.</param>
    /// <param name="CapacityDetail">The capacity in the signer's words, when capacity is other.</param>
    public sealed record SignerPart(string? Name, Domain.Porting.SignerCapacityKind? Capacity, bool Authorised, string? Email, string? CapacityDetail = null);

    public sealed record ConfirmBody(string? Code);

    /// <param name="Confirm">Where to post the code.</param>
    public sealed record SubmitAnswer(Guid Id, string Confirm);
}
