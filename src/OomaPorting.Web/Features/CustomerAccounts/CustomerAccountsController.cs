using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Features.TwoFactor;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.CustomerAccounts;

/// <summary>"Comptes clients": support opens accounts, follows their people, resends invitations, disables or closes an account.</summary>
[Authorize(Roles = Roles.Support)]
[Route("support/comptes")]
public sealed class CustomerAccountsController(IMediator mediator) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken ct)
    {
        ViewData["Search"] = q;
        return View("Index", await mediator.Send(new ListCustomerAccounts.Query(q), ct));
    }

    [HttpGet("nouveau")]
    public async Task<IActionResult> New(CancellationToken ct) => await NewViewAsync(new CreateCustomerAccount.Command(), ct);

    /// <summary>The form, with the pool of released temporary numbers to choose from.</summary>
    private async Task<IActionResult> NewViewAsync(CreateCustomerAccount.Command command, CancellationToken ct)
    {
        ViewData["Released"] = await mediator.Send(new ListReleasedTemporaryNumbers.Query(), ct);
        return View("New", command);
    }

    [HttpPost("nouveau")]
    public Task<IActionResult> Create(CreateCustomerAccount.Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Submit(command, id =>
        {
            Confirm("CustomerAccounts.Done.Created", command.AdminEmail ?? string.Empty);
            return Redirect($"/support/comptes/{id}");
        }, () => NewViewAsync(command, HttpContext.RequestAborted));
    }

    [HttpGet("{accountId:guid}")]
    public Task<IActionResult> Detail(Guid accountId, CancellationToken ct) => DetailAsync(accountId, ct);

    [HttpPost("{accountId:guid}/acces")]
    public Task<IActionResult> SetAccess(Guid accountId, SetAccountAccess.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.AccountId = accountId;
        return Submit(command, _ => Done(accountId, command.Enabled ? "CustomerAccounts.Done.Enabled" : "CustomerAccounts.Done.Disabled"),
            () => DetailAsync(accountId, ct));
    }

    /// <summary>A support admin closes the account of a customer who left; its personal data are erased after the retention period.</summary>
    [HttpPost("{accountId:guid}/cloture")]
    [Authorize(Roles = Roles.SupportAdmin)]
    public Task<IActionResult> Close(Guid accountId, CloseCustomerAccount.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.AccountId = accountId;
        return Submit(command, _ => Done(accountId, "CustomerAccounts.Done.Closed"), () => DetailAsync(accountId, ct, command));
    }

    [HttpPost("{accountId:guid}/reouverture")]
    [Authorize(Roles = Roles.SupportAdmin)]
    public Task<IActionResult> Reopen(Guid accountId, CancellationToken ct) =>
        Submit(new ReopenCustomerAccount.Command(accountId), _ => Done(accountId, "CustomerAccounts.Done.Reopened"), () => DetailAsync(accountId, ct));

    [HttpPost("{accountId:guid}/utilisateurs/{userId}/invitation")]
    public Task<IActionResult> Resend(Guid accountId, string userId, CancellationToken ct) =>
        Submit(new ResendCustomerInvitation.Command(accountId, userId), _ => Done(accountId, "Users.Done.Resent"), () => DetailAsync(accountId, ct));

    [HttpPost("{accountId:guid}/utilisateurs/{userId}/double-authentification")]
    [Authorize(Roles = Roles.SupportAdmin)]
    public Task<IActionResult> ResetTwoFactor(Guid accountId, string userId, CancellationToken ct) =>
        Submit(new ResetTwoFactor.Command(userId, accountId), _ => Done(accountId, "Support.Done.TwoFactorReset"), () => DetailAsync(accountId, ct));

    /// <summary>Support revokes a customer's API key (a leaked key, a provider that left); audited.</summary>
    [HttpPost("{accountId:guid}/cles-api/{keyId:guid}/revoquer")]
    public Task<IActionResult> RevokeApiKey(Guid accountId, Guid keyId, CancellationToken ct) =>
        Submit(new Integrations.RevokeApiKey.Command { KeyId = keyId, AccountId = accountId }, _ => Done(accountId, "Integrations.Done.Revoked"),
            () => DetailAsync(accountId, ct));

    private RedirectResult Done(Guid accountId, string key)
    {
        Confirm(key);
        return Redirect($"/support/comptes/{accountId}");
    }

    private async Task<IActionResult> DetailAsync(Guid accountId, CancellationToken ct, CloseCustomerAccount.Command? closing = null)
    {
        ViewData["Closing"] = closing ?? new CloseCustomerAccount.Command();
        var details = await mediator.Send(new GetCustomerAccount.Query(accountId), ct);
        ViewData["ApiKeys"] = await mediator.Send(new Integrations.ListApiKeys.Query(accountId), ct);
        return View("Detail", details);
    }
}
