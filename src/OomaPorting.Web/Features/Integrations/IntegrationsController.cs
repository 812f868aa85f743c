using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Integrations;

/// <summary>"Intégrations": the account admin's API keys (make one, see its last use, revoke it) and the link to the API's reference.</summary>
[Authorize(Roles = Roles.AccountAdmin)]
[Route("integrations")]
public sealed class IntegrationsController(IMediator mediator) : PortalController
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => PageAsync(new CreateApiKey.Command { Role = Domain.Accounts.ApiKeyRole.Read }, ct);

    /// <summary>Makes the key and shows it once, on this answer (never stored, never cached, never put in a redirect).</summary>
    [HttpPost("cles")]
    public Task<IActionResult> Create(CreateApiKey.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Submit(command, created =>
        {
            Response.Headers.CacheControl = "no-store";
            return View("KeyCreated", created);
        }, () => PageAsync(command, ct));
    }

    [HttpPost("cles/{keyId:guid}/revoquer")]
    public Task<IActionResult> Revoke(Guid keyId, CancellationToken ct) =>
        Submit(new RevokeApiKey.Command { KeyId = keyId }, _ =>
        {
            Confirm("Integrations.Done.Revoked");
            return Redirect("/integrations");
        }, () => PageAsync(new CreateApiKey.Command { Role = Domain.Accounts.ApiKeyRole.Read }, ct));

    private async Task<IActionResult> PageAsync(CreateApiKey.Command form, CancellationToken ct)
    {
        ViewData["Keys"] = await mediator.Send(new ListApiKeys.Query(), ct);
        return View("Index", form);
    }
}
