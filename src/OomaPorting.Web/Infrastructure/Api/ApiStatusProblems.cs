using Microsoft.AspNetCore.Diagnostics;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// An API call never gets a page: the status-code pages are off under <c>/api</c>, and an answer with an error status and
/// no body (an unknown route, a method, a body over its limit: <see cref="BodyLengthLimit"/>) gets its problem details here.
/// </summary>
public sealed class ApiStatusProblems(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!ApiProblems.IsApi(context))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        await next(context);

        var response = context.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null && string.IsNullOrEmpty(response.ContentType))
        {
            await ApiProblems.WriteAsync(context, response.StatusCode, CodeFor(response.StatusCode));
        }
    }

    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "Api.Unauthorized",
        StatusCodes.Status403Forbidden => "Api.ReadOnlyKey",
        StatusCodes.Status404NotFound => "Api.NotFound",
        StatusCodes.Status405MethodNotAllowed => "Api.MethodNotAllowed",
        StatusCodes.Status413PayloadTooLarge => "Api.TooLarge",
        StatusCodes.Status415UnsupportedMediaType => "Api.UnsupportedMediaType",
        StatusCodes.Status429TooManyRequests => "Api.TooManyRequests",
        StatusCodes.Status503ServiceUnavailable => "Api.Unavailable",
        >= 500 => "Api.ServerError",
        _ => "Api.Invalid",
    };
}
