using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.Users;

/// <summary>"Utilisateurs": the account admin's page to invite colleagues and manage their role and access.</summary>
[Authorize(Roles = Roles.AccountAdmin)]
[Route("utilisateurs")]
public sealed class UsersController(IMediator mediator) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => await PageAsync(new InviteUser.Command { Role = Roles.AccountUser }, ct);

    [HttpPost("inviter")]
    public Task<IActionResult> Invite(InviteUser.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Submit(command, _ =>
        {
            Confirm("Users.Done.Invited", command.Email ?? string.Empty);
            return Redirect("/utilisateurs");
        }, () => PageAsync(command, ct));
    }

    [HttpPost("{userId}/role")]
    public Task<IActionResult> ChangeRole(string userId, ChangeUserRole.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.UserId = userId;
        return Submit(command, _ => Done("Users.Done.Role"), () => PageAsync(new InviteUser.Command { Role = Roles.AccountUser }, ct));
    }

    [HttpPost("{userId}/acces")]
    public Task<IActionResult> SetAccess(string userId, SetUserAccess.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.UserId = userId;
        return Submit(command, _ => Done(command.Enabled ? "Users.Done.Enabled" : "Users.Done.Disabled"),
            () => PageAsync(new InviteUser.Command { Role = Roles.AccountUser }, ct));
    }

    [HttpPost("double-authentification")]
    public Task<IActionResult> RequireTwoFactor(RequireTwoFactor.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Submit(command, _ => Done(command.Required ? "Users.Done.TwoFactorRequired" : "Users.Done.TwoFactorOptional"),
            () => PageAsync(new InviteUser.Command { Role = Roles.AccountUser }, ct));
    }

    [HttpPost("{userId}/invitation")]
    public Task<IActionResult> Resend(string userId, CancellationToken ct) =>
        Submit(new ResendInvitation.Command { UserId = userId }, _ => Done("Users.Done.Resent"),
            () => PageAsync(new InviteUser.Command { Role = Roles.AccountUser }, ct));

    private RedirectResult Done(string key)
    {
        Confirm(key);
        return Redirect("/utilisateurs");
    }

    private async Task<IActionResult> PageAsync(InviteUser.Command form, CancellationToken ct)
    {
        ViewData["Users"] = await mediator.Send(new ListUsers.Query(), ct);
        return View("Index", form);
    }
}
