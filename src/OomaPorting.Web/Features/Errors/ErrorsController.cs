using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace OomaPorting.Web.Features.Errors;

/// <summary>French (or English) error pages with a reference to quote, never a stack trace.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("erreur")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult ServerError()
    {
        var reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        logger.LogError("Unhandled error shown to the user with reference {Reference}", reference);
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", new ErrorViewModel(500, reference));
    }

    [Route("erreur/{code:int}")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Status(int code)
    {
        var status = code is >= 400 and < 600 ? code : 500;
        Response.StatusCode = status;
        return View("Error", new ErrorViewModel(status, Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier));
    }
}

public sealed record ErrorViewModel(int StatusCode, string Reference);
