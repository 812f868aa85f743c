using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// A body that says it is longer than the endpoint's limit (<c>RequestSizeLimit</c>: 1 MB, or the documents' upload
/// limit) is refused with 413 before a byte of it is read. A body sent without its length is cut by the server at the
/// same limit (<see cref="ApiStatusProblems"/> answers that one).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ApiBodyLimitAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? PortalApiController.MaxBodyBytes;
        if (context.HttpContext.Request.ContentLength > limit)
        {
            var problem = ApiProblems.For(context.HttpContext, StatusCodes.Status413PayloadTooLarge, "Api.TooLarge");
            context.Result = new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { ApiProblems.ContentType } };
        }
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
