using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.Eligibility;

/// <summary>Public: anyone may check a number before signing up. A GET form, since it changes nothing.</summary>
[AllowAnonymous]
public sealed class EligibilityController(IMediator mediator) : Controller
{
    [HttpGet("portabilite")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(PortalServices.PublicCheckRateLimitPolicy)]
    public async Task<IActionResult> Check([FromQuery] CheckPortability.Query query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrEmpty(query.Number))
        {
            ModelState.Clear();
            return View(new CheckViewModel(query, null));
        }

        try
        {
            return View(new CheckViewModel(query, await mediator.Send(query, ct)));
        }
        catch (ValidationException e)
        {
            ModelState.AddValidationErrors(e);
            return View(new CheckViewModel(query, null));
        }
    }
}

public sealed record CheckViewModel(CheckPortability.Query Query, CheckPortability.Result? Result);
