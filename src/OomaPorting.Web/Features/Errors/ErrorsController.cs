using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Errors;

/// <summary>French (or English) error pages with a reference to quote, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : PortalController
{
    [Route("erreur")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult ServerError()
    {
        ModelState.Clear();
        var reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        logger.LogError("Unhandled error shown to the user with reference {Reference}", reference);

        // The database itself is missing, unreadable, full or damaged: the portal is unavailable, not confused.
        var error = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        var status = Infrastructure.DatabaseFault.IsUnavailable(error) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "60";
        }

        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path is { } failed
            && failed.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            // An API call gets problem details with the same reference, never a page: 503 when the database cannot be
            // used now (nothing was saved; retry after Retry-After), 500 for anything else.
            var code = status == StatusCodes.Status503ServiceUnavailable ? "Api.Unavailable" : "Api.ServerError";
            var problem = Infrastructure.Api.ApiProblems.For(HttpContext, status, code) with { TraceId = reference };
            return new ObjectResult(problem) { StatusCode = status, ContentTypes = { Infrastructure.Api.ApiProblems.ContentType } };
        }

        return View("Error", new ErrorViewModel(status, reference));
    }

    /// <summary>
    /// Re-executed for 4xx/5xx answers, with the original method and body: the code is read from the route only and
    /// nothing is bound from the (possibly hostile) form, so the error page itself cannot fail.
    /// </summary>
    [Route("erreur/{code:int}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Status()
    {
        ModelState.Clear();
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : 500;
        var status = code is >= 400 and < 600 ? code : 500;
        Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = "60";
        }

        // A support page refused to a customer says whose it is (the generic words speak of an account's admins).
        var original = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath;
        var supportPage = status == StatusCodes.Status403Forbidden && original is not null
            && (original.StartsWith("/support", StringComparison.Ordinal) || original.StartsWith("/dev", StringComparison.Ordinal));
        var limit = HttpContext.Items.TryGetValue(Infrastructure.BodyLengthLimit.LimitItem, out var bytes) && bytes is long b ? b / (1024 * 1024) : (long?)null;
        return View("Error", new ErrorViewModel(status, Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier)
        {
            SupportPage = supportPage,
            LimitMegabytes = limit,
        });
    }
}

