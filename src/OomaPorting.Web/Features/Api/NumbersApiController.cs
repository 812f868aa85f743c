using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Features.Eligibility;
using OomaPorting.Web.Infrastructure.Api;

namespace OomaPorting.Web.Features.Api;

/// <summary><c>/api/v1/numbers</c>: what the portal can say of a number before a request is made.</summary>
[Tags("Numbers")]
public sealed class NumbersApiController : PortalApiController
{
    /// <summary>Check a number's portability.</summary>
    /// <remarks>Can this number be ported to Ooma Office? From the number alone (its class and territory), as the public check answers.</remarks>
    /// <param name="number">Any common French or E.164 form: 01 45 00 00 00, +33145000000, 0033 1 45 00 00 00.</param>
    [HttpGet("numbers/portability")]
    [ProducesResponseType<PortabilityAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ApiProblems.Problem>(StatusCodes.Status400BadRequest, ApiProblems.ContentType)]
    public Task<IActionResult> Portability([FromQuery] string? number) =>
        Send(ct => Mediator.Send(new CheckPortability.Query { Number = number ?? string.Empty }, ct),
            r => Ok(new PortabilityAnswer(r.Number?.E164, r.Number?.Display, r.Portable, r.Verdict)));

    /// <param name="Number">E.164, when the number is a valid metropolitan one.</param>
    /// <param name="Verdict">portableFixed, portableMobile, mobileNotAccepted, specialNumber or overseas.</param>
    public sealed record PortabilityAnswer(string? Number, string? Display, bool Portable, CheckPortability.Verdict Verdict);
}
