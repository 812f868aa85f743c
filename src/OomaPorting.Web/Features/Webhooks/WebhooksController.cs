using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Webhooks;

/// <summary>
/// "Webhooks" (under "Intégrations"): the account admin's endpoints (register one, its secret shown once; change its
/// events; stop, start, remove it), each with its delivery log, a resend per delivery and a test event.
/// </summary>
[Authorize(Roles = Roles.AccountAdmin)]
[Route("integrations/webhooks")]
public sealed class WebhooksController(IMediator mediator) : PortalController
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => IndexAsync(new RegisterWebhookEndpoint.Command { Events = [.. WebhookEventTypes.Each] }, ct);

    /// <summary>Registers the endpoint and shows its secret once, on this answer (never stored in clear, never cached, never put in a redirect).</summary>
    [HttpPost("")]
    public Task<IActionResult> Register(RegisterWebhookEndpoint.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Submit(command, created =>
        {
            Response.Headers.CacheControl = "no-store";
            return View("Created", created);
        }, () => IndexAsync(command, ct));
    }

    [HttpGet("{endpointId:guid}")]
    public async Task<IActionResult> Detail(Guid endpointId, [FromQuery(Name = "avant")] string? before, CancellationToken ct) =>
        await DetailAsync(endpointId, before, null, ct);

    [HttpPost("{endpointId:guid}/evenements")]
    public Task<IActionResult> ChangeEvents(Guid endpointId, [FromForm] List<WebhookEvents> events, CancellationToken ct)
    {
        var command = new ChangeWebhookEndpoint.Command { Id = endpointId, Action = ChangeWebhookEndpoint.Change.Events, Events = events ?? [] };
        return Submit(command, _ => Done(endpointId, "Webhooks.Done.Events"), () => DetailAsync(endpointId, null, command, ct));
    }

    [HttpPost("{endpointId:guid}/desactiver")]
    public Task<IActionResult> Disable(Guid endpointId, CancellationToken ct) =>
        Submit(new ChangeWebhookEndpoint.Command { Id = endpointId, Action = ChangeWebhookEndpoint.Change.Disable }, _ => Done(endpointId, "Webhooks.Done.Disabled"),
            () => DetailAsync(endpointId, null, null, ct));

    [HttpPost("{endpointId:guid}/activer")]
    public Task<IActionResult> Enable(Guid endpointId, CancellationToken ct) =>
        Submit(new ChangeWebhookEndpoint.Command { Id = endpointId, Action = ChangeWebhookEndpoint.Change.Enable }, _ => Done(endpointId, "Webhooks.Done.Enabled"),
            () => DetailAsync(endpointId, null, null, ct));

    [HttpPost("{endpointId:guid}/test")]
    public Task<IActionResult> Test(Guid endpointId, CancellationToken ct) =>
        Submit(new SendTestWebhook.Command(endpointId), _ => Done(endpointId, "Webhooks.Done.Test"), () => DetailAsync(endpointId, null, null, ct));

    [HttpPost("{endpointId:guid}/livraisons/{deliveryId:guid}/renvoyer")]
    public Task<IActionResult> Resend(Guid endpointId, Guid deliveryId, CancellationToken ct) =>
        Submit(new ResendWebhookDelivery.Command(endpointId, deliveryId), _ => Done(endpointId, "Webhooks.Done.Resent"), () => DetailAsync(endpointId, null, null, ct));

    [HttpPost("{endpointId:guid}/supprimer")]
    public Task<IActionResult> Remove(Guid endpointId, CancellationToken ct) =>
        Submit(new RemoveWebhookEndpoint.Command(endpointId), _ =>
        {
            Confirm("Webhooks.Done.Removed");
            return Redirect("/integrations/webhooks");
        }, () => DetailAsync(endpointId, null, null, ct));

    private RedirectResult Done(Guid id, string confirmation)
    {
        Confirm(confirmation);
        return Redirect($"/integrations/webhooks/{id}");
    }

    private async Task<IActionResult> IndexAsync(RegisterWebhookEndpoint.Command form, CancellationToken ct)
    {
        ViewData["Endpoints"] = await mediator.Send(new ListWebhookEndpoints.Query(), ct);
        return View("Index", form);
    }

    private async Task<IActionResult> DetailAsync(Guid endpointId, string? before, ChangeWebhookEndpoint.Command? form, CancellationToken ct)
    {
        var model = await mediator.Send(new GetWebhookEndpoint.Query(endpointId, before), ct);
        ViewData["Form"] = form ?? new ChangeWebhookEndpoint.Command
        {
            Id = endpointId,
            Action = ChangeWebhookEndpoint.Change.Events,
            Events = [.. WebhookEventTypes.Each.Where(e => (model.Endpoint.Events & e) == e)],
        };
        return View("Detail", model);
    }
}
