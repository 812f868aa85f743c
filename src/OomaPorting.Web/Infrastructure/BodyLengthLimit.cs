using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// A body longer than its endpoint accepts (<c>RequestSizeLimit</c>: the documents' upload, the API's 1 MB; else the
/// server's limit) is answered 413, pages and API alike: refused before a byte is read when its length says so (a form
/// read first by the antiforgery check once answered "Demande invalide", 400), and when the server cuts it while it is
/// read. Pages then show the size limit (<c>/erreur/413</c>); the API gets <c>Api.TooLarge</c> (<see cref="Api.ApiStatusProblems"/>).
/// </summary>
public sealed class BodyLengthLimit(RequestDelegate next)
{
    /// <summary>The limit the refused body broke, in bytes, for the error page to say.</summary>
    public const string LimitItem = "BodyLengthLimit";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            Refuse(context, max);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            Refuse(context, limit);
        }
    }

    private static void Refuse(HttpContext context, long? limit)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.Headers.Connection = "close"; // the rest of the body is not read
        context.Items[LimitItem] = limit;
    }
}
