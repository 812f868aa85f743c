using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Eligibility;

/// <summary>Public: anyone may check a number before signing up. A GET form, since it changes nothing.</summary>
[AllowAnonymous]
public sealed class EligibilityController : PortalController
{
    [HttpGet("portabilite")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(PortalServices.PublicCheckRateLimitPolicy)]
    public async Task<IActionResult> Check([FromQuery] CheckPortability.Query query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // The first visit asks nothing; the form submitted empty is answered at its field like any other value.
        if (!Request.Query.ContainsKey(nameof(CheckPortability.Query.Number)))
        {
            ModelState.Clear();
            return View(new CheckViewModel(query, null));
        }

        return await Submit(query, result => View(new CheckViewModel(query, result)),
            () => Task.FromResult<IActionResult>(View(new CheckViewModel(query, null))));
    }
}

