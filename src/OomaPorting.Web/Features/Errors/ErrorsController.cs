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
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path is { } failed
            && failed.StartsWith("/api", StringComparison.OrdinalIgnoreCase))
        {
            // An API call gets problem details with the same reference, never a page.
            var problem = Infrastructure.Api.ApiProblems.For(HttpContext, StatusCodes.Status500InternalServerError, "Api.ServerError") with { TraceId = reference };
            return new ObjectResult(problem) { StatusCode = 500, ContentTypes = { Infrastructure.Api.ApiProblems.ContentType } };
        }

        return View("Error", new ErrorViewModel(500, reference));
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
        return View("Error", new ErrorViewModel(status, Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier));
    }
}

