using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Features.TwoFactor;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.SupportAgents;

/// <summary>"Agents": support administrators invite, disable and re-enable agents, and reset a lost second factor.</summary>
[Authorize(Roles = Roles.SupportAdmin)]
[Route("support/agents")]
public sealed class SupportAgentsController(IMediator mediator) : PortalController
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken ct) => PageAsync(new InviteSupportAgent.Command(), ct);

    [HttpPost("inviter")]
    public Task<IActionResult> Invite(InviteSupportAgent.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Submit(command, _ =>
        {
            Confirm("Users.Done.Invited", command.Email ?? string.Empty);
            return Redirect("/support/agents");
        }, () => PageAsync(command, ct));
    }

    [HttpPost("{userId}/acces")]
    public Task<IActionResult> SetAccess(string userId, SetAgentAccess.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.UserId = userId;
        return Submit(command, _ => Done(command.Enabled ? "Users.Done.Enabled" : "Users.Done.Disabled"),
            () => PageAsync(new InviteSupportAgent.Command(), ct));
    }

    [HttpPost("{userId}/double-authentification")]
    public Task<IActionResult> ResetTwoFactor(string userId, CancellationToken ct) =>
        Submit(new ResetTwoFactor.Command(userId, null), _ => Done("Support.Done.TwoFactorReset"),
            () => PageAsync(new InviteSupportAgent.Command(), ct));

    private RedirectResult Done(string key)
    {
        Confirm(key);
        return Redirect("/support/agents");
    }

    private async Task<IActionResult> PageAsync(InviteSupportAgent.Command form, CancellationToken ct)
    {
        ViewData["Agents"] = await mediator.Send(new ListSupportAgents.Query(), ct);
        return View("Index", form);
    }
}
