using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// The base of every API controller, and the API's one way to send a command (the twin of
/// <see cref="PortalController"/> for pages): an action calls <see cref="Send{TResponse}"/> and says what a success
/// returns. Every refusal becomes problem details here, the same way on every endpoint:
/// <list type="bullet">
/// <item>a <see cref="ValidationException"/>: 400 with each field's code and message;</item>
/// <item>a <see cref="DomainException"/>: 422 with the domain's stable code;</item>
/// <item><see cref="NotFoundException"/> (another account's id included): 404;</item>
/// <item>a concurrent change, or an <c>If-Match</c> that is not the current <c>ETag</c>: 412 (nothing is overwritten);</item>
/// <item>an expired draft: 410; a feature's own refusals through <see cref="Refusal"/>.</item>
/// </list>
/// Only API keys authenticate here (<see cref="ApiKeyAuthentication"/>); there is no cookie, so no antiforgery token.
/// </summary>
[ApiController]
[Route("api/v1")]
[Authorize(AuthenticationSchemes = ApiKeyAuthentication.SchemeName, Policy = ApiPolicies.Read)]
[IgnoreAntiforgeryToken]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(ApiPolicies.RateLimit)]
[RequestSizeLimit(PortalApiController.MaxBodyBytes)]
[Idempotency]
[ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status401Unauthorized, ApiProblems.ContentType)]
[ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status429TooManyRequests, ApiProblems.ContentType)]
public abstract class PortalApiController : ControllerBase
{
    /// <summary>The largest body an API call may send (1 MB; a request of 1,000 numbers with their RIOs is under 100 kB).</summary>
    public const long MaxBodyBytes = 1_000_000;

    protected IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    /// <summary>Sends a command or query; a success becomes <paramref name="onSuccess"/>, a refusal problem details (see the class).</summary>
    /// <param name="fields">The command's field names as the API's body names them (<see cref="ApiFieldNames"/>), when they differ.</param>
    protected async Task<IActionResult> Send<TResponse>(Func<CancellationToken, ValueTask<TResponse>> send, Func<TResponse, IActionResult> onSuccess,
        params (string Command, string Api)[] fields)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(onSuccess);
        try
        {
            return onSuccess(await send(HttpContext.RequestAborted));
        }
        catch (ValidationException e)
        {
            return Problem(ApiProblems.Invalid(HttpContext, fields.Length == 0 ? e.Errors : ApiFieldNames.Renamed(e, string.Empty, fields).Errors));
        }
        catch (DomainException e)
        {
            return Problem(ApiProblems.For(HttpContext, StatusCodes.Status422UnprocessableEntity, e.Code));
        }
        catch (NotFoundException)
        {
            return Problem(ApiProblems.For(HttpContext, StatusCodes.Status404NotFound, "Api.NotFound"));
        }
        catch (Exception e) when (e is ConcurrentChangeException or DbUpdateConcurrencyException)
        {
            return Problem(ApiProblems.For(HttpContext, StatusCodes.Status412PreconditionFailed, "Api.ModifiedMeanwhile"));
        }
        catch (DraftExpiredException)
        {
            return Problem(ApiProblems.For(HttpContext, StatusCodes.Status410Gone, "Api.DraftExpired"));
        }
        catch (Exception e) when (Refusal(e) is not null)
        {
            return Problem(Refusal(e)!);
        }
    }

    /// <summary>
    /// A refusal of a feature's own (a wizard step that is locked, no signature code waiting) as problem details; null
    /// for anything else, which is then a fault, not a refusal.
    /// </summary>
    protected virtual ApiProblems.Problem? Refusal(Exception exception) => null;

    /// <summary>
    /// The version the caller expects to change, from its <c>If-Match</c> (<c>"7"</c>, as the <c>ETag</c> gave it); null
    /// when it sent none or <c>*</c> (a change without a precondition). A malformed header is refused with a 400, a weak
    /// tag (<c>W/"7"</c>) with a 412: If-Match matches strong tags only.
    /// </summary>
    protected bool TryIfMatch(out int? version, out IActionResult? refusal)
    {
        refusal = null;
        version = null;
        var header = Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(header) || header.Trim() == "*")
        {
            return true;
        }

        if (ETags.TryParse(header, out var parsed))
        {
            if (header.TrimStart().StartsWith("W/", StringComparison.Ordinal))
            {
                // If-Match compares strongly (RFC 9110, 13.1.1): a weak tag never matches, so nothing is changed.
                refusal = Problem(ApiProblems.For(HttpContext, StatusCodes.Status412PreconditionFailed, "Api.ModifiedMeanwhile"));
                return false;
            }

            version = parsed;
            return true;
        }

        refusal = Problem(ApiProblems.For(HttpContext, StatusCodes.Status400BadRequest, "Api.IfMatch"));
        return false;
    }

    protected ObjectResult Problem(ApiProblems.Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { ApiProblems.ContentType } };
    }

    /// <summary>A representation with its <c>ETag</c> (the request's version), so a later change can say <c>If-Match</c>.</summary>
    protected IActionResult WithETag(object body, int version, int status = StatusCodes.Status200OK)
    {
        Response.Headers.ETag = ETags.Of(version);
        return new ObjectResult(body) { StatusCode = status };
    }
}
