using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.HeldMessages;

/// <summary>"Envois retenus": what a restore held back, sent on or discarded by a support administrator.</summary>
[Authorize(Roles = Roles.SupportAdmin)]
[Route(Path)]
public sealed class HeldMessagesController(IMediator mediator) : PortalController
{
    public const string Path = "support/envois-retenus";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("Index", await mediator.Send(new ListHeldMessages.Query(), ct));

    [HttpPost("envoyer")]
    public Task<IActionResult> Send(CancellationToken ct) => Release(true, ct);

    [HttpPost("abandonner")]
    public Task<IActionResult> Discard(CancellationToken ct) => Release(false, ct);

    private Task<IActionResult> Release(bool send, CancellationToken ct) =>
        Submit(new ReleaseHeldMessages.Command { Send = send }, counts =>
        {
            Confirm(send ? "HeldMessages.Done.Sent" : "HeldMessages.Done.Discarded", counts.Emails, counts.Webhooks);
            return Redirect("/" + Path);
        }, () => Index(ct));
}
