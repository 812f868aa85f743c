using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OomaPorting.Domain.Common;
using OomaPorting.Web.Features.PortingStatus;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.Support;

/// <summary>The support console: the queue and, per request, its actions (each through the domain's own method).</summary>
[Authorize(Roles = Roles.Support)]
[Route("support/portages")]
public sealed class SupportController(IMediator mediator, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Queue([FromQuery] SearchRequests.Query query, CancellationToken ct) =>
        View(await mediator.Send(query, ct));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, CancellationToken ct) => View("Request", await mediator.Send(new GetForSupport.Query(id), ct));

    [HttpGet("{id:guid}/courriels")]
    public async Task<IActionResult> Emails(Guid id, CancellationToken ct) => View("Emails", await mediator.Send(new ListEmails.Query(id), ct));

    [HttpPost("{id:guid}/ccf")]
    public Task<IActionResult> SetFocDate(Guid id, SetFocDate.Command command, CancellationToken ct) => Act(id, command, ct);

    [HttpPost("{id:guid}/appel-test")]
    public Task<IActionResult> StartTestCall(Guid id, StartTestCall.Command command, CancellationToken ct) => Act(id, command, ct);

    [HttpPost("{id:guid}/resultat-appel")]
    public Task<IActionResult> RecordTestCall(Guid id, RecordTestCall.Command command, CancellationToken ct) => Act(id, command, ct);

    [HttpPost("{id:guid}/renvoyer")]
    public Task<IActionResult> SendBack(Guid id, SendBack.Command command, CancellationToken ct) => Act(id, command, ct);

    [HttpPost("{id:guid}/annuler")]
    public Task<IActionResult> Cancel(Guid id, CancelBySupport.Command command, CancellationToken ct) => Act(id, command, ct);

    [HttpPost("{id:guid}/messages")]
    public async Task<IActionResult> PostMessage(Guid id, PostMessage.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        try
        {
            await mediator.Send(command, ct);
            return Redirect($"/support/portages/{id}#messages");
        }
        catch (ValidationException e)
        {
            ModelState.AddValidationErrors(e, "Message");
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, text, "Message.Body");
        }

        return View("Request", await mediator.Send(new GetForSupport.Query(id), ct));
    }

    /// <summary>
    /// Runs one action. Refused input or a refused transition re-renders the page with the message; a request changed
    /// meanwhile (another agent) re-renders with its fresh state and says so, and nothing is overwritten.
    /// </summary>
    private async Task<IActionResult> Act<TCommand>(Guid id, TCommand command, CancellationToken ct)
        where TCommand : ISupportAction, ICommand
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        var prefix = typeof(TCommand).DeclaringType!.Name;
        try
        {
            await mediator.Send(command, ct);
            return Redirect($"/support/portages/{id}");
        }
        catch (ValidationException e)
        {
            ModelState.AddValidationErrors(e, prefix);
        }
        catch (DomainException e)
        {
            ModelState.AddDomainError(e, text);
        }
        catch (Exception e) when (e is ModifiedMeanwhileException or DbUpdateException)
        {
            ModelState.AddModelError(string.Empty, text["Support.ModifiedMeanwhile"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        ViewData["FailedAction"] = prefix;
        return View("Request", await mediator.Send(new GetForSupport.Query(id), ct));
    }
}
