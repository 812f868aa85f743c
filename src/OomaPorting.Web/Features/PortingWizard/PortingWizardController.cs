using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OomaPorting.Domain.Common;
using OomaPorting.Web.Infrastructure;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// "Portage de numéro": the entry page and the six steps (<c>/portage/{id}/type</c> ... <c>/signature</c>).
/// Each POST saves through its slice and redirects; a refused POST re-renders the step with field messages.
/// </summary>
[Authorize(Roles = Roles.AccountAdmin)]
public sealed class PortingWizardController(IMediator mediator, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpGet("portage")]
    public async Task<IActionResult> Start(CancellationToken ct) => View(await mediator.Send(new StartPort.Query(), ct));

    [HttpPost("portage")]
    public async Task<IActionResult> CreateDraft(CancellationToken ct)
    {
        var id = await mediator.Send(new StartPort.Command(), ct);
        return Redirect(Drafts.StepUrl(id, "type"));
    }

    [HttpPost("portage/{id:guid}/supprimer")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new DeleteDraft.Command(id), ct);
        }
        catch (DomainException)
        {
            return Redirect($"/portage/{id}");
        }

        return Redirect("/portage");
    }

    /// <summary>Numbers on a residential Ooma Telo or Hub are moved by customer service, not through the wizard.</summary>
    [HttpGet("portage/telo-hub")]
    public IActionResult FromTeloOrHub() => View();

    [HttpGet("portage/{id:guid}/type")]
    public async Task<IActionResult> NumberType(Guid id, string? retour, CancellationToken ct) =>
        await Step(id, () => mediator.Send(new ChooseNumberType.Query(id, retour), ct).AsTask(), "NumberType");

    [HttpPost("portage/{id:guid}/type")]
    public async Task<IActionResult> NumberType(Guid id, [Bind(Prefix = "Command")] ChooseNumberType.Command command, CancellationToken ct) =>
        await Save(id, command, "operateur",
            async () => (await mediator.Send(new ChooseNumberType.Query(id, command.ReturnTo), ct)) with { Command = command }, "NumberType", ct);

    [HttpGet("portage/{id:guid}/operateur")]
    public async Task<IActionResult> Carrier(Guid id, string? retour, CancellationToken ct) =>
        await Step(id, () => mediator.Send(new ChooseCarrier.Query(id, retour), ct).AsTask(), "Carrier");

    [HttpPost("portage/{id:guid}/operateur")]
    public async Task<IActionResult> Carrier(Guid id, [Bind(Prefix = "Command")] ChooseCarrier.Command command, CancellationToken ct) =>
        await Save(id, command, "compte",
            async () => (await mediator.Send(new ChooseCarrier.Query(id, command.ReturnTo), ct)) with { Command = command }, "Carrier", ct);

    [HttpGet("portage/{id:guid}/compte")]
    public async Task<IActionResult> Account(Guid id, string? retour, CancellationToken ct) =>
        await Step(id, () => mediator.Send(new EnterAccount.Query(id, retour), ct).AsTask(), "Account");

    [HttpPost("portage/{id:guid}/compte")]
    public async Task<IActionResult> Account(Guid id, [Bind(Prefix = "Command")] EnterAccount.Command command, CancellationToken ct) =>
        await Save(id, command, "numeros",
            async () => (await mediator.Send(new EnterAccount.Query(id, command.ReturnTo), ct)) with { Command = command }, "Account", ct);

    [HttpGet("portage/{id:guid}/numeros")]
    public async Task<IActionResult> Lines(Guid id, string? retour, CancellationToken ct) =>
        await Step(id, () => mediator.Send(new EnterLines.Query(id, retour), ct).AsTask(), "Lines");

    /// <summary>
    /// Saves the numbers, or (without JavaScript) adds or removes a row: <c>ajouter</c> and <c>supprimer-N</c>
    /// re-render the form with the rows changed and save nothing.
    /// </summary>
    [HttpPost("portage/{id:guid}/numeros")]
    public async Task<IActionResult> Lines(Guid id, [Bind(Prefix = "Command")] EnterLines.Command command, string? action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        async Task<EnterLines.Form> Redisplay() => (await mediator.Send(new EnterLines.Query(id, command.ReturnTo), ct)) with { Command = command };
        if (action == "ajouter" || (action?.StartsWith("supprimer-", StringComparison.Ordinal) ?? false))
        {
            ModelState.Clear();
            command.Id = id;
            if (action == "ajouter" && command.Lines.Count < Domain.Porting.PortRequest.MaxLines)
            {
                command.Lines.Add(new EnterLines.Row());
            }
            else if (int.TryParse(action.AsSpan("supprimer-".Length), out var index) && index > 0 && index < command.Lines.Count)
            {
                command.Lines.RemoveAt(index);
            }

            if (command.Lines.Count == 0)
            {
                command.Lines.Add(new EnterLines.Row());
            }

            return View("Lines", await Redisplay());
        }

        return await Save(id, command, "adresse", Redisplay, "Lines", ct);
    }

    [HttpGet("portage/{id:guid}/adresse")]
    public async Task<IActionResult> Address(Guid id, string? retour, CancellationToken ct) =>
        await Step(id, () => mediator.Send(new EnterServiceAddress.Query(id, retour), ct).AsTask(), "Address");

    [HttpPost("portage/{id:guid}/adresse")]
    public async Task<IActionResult> Address(Guid id, EnterServiceAddress.Command command, CancellationToken ct) =>
        await Save(id, command, "signature", async () =>
        {
            // Re-displaying the posted answers still requires the request to be this account's, and open.
            await mediator.Send(new EnterServiceAddress.Query(id, command.ReturnTo), ct);
            return command;
        }, "Address", ct);

    [HttpGet("portage/{id:guid}/signature")]
    public async Task<IActionResult> Signature(Guid id, CancellationToken ct) =>
        await Step(id, () => mediator.Send(new Sign.Query(id), ct).AsTask(), "Signature");

    [HttpPost("portage/{id:guid}/signature")]
    public async Task<IActionResult> Signature(Guid id, [Bind(Prefix = "Command")] Sign.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        if (ModelState.IsValid)
        {
            try
            {
                var outcome = await mediator.Send(command, ct);
                return Redirect(outcome.AlreadySubmitted ? $"/portage/{outcome.Id}" : $"/portage/{outcome.Id}?envoyee=1");
            }
            catch (ValidationException e)
            {
                ModelState.AddValidationErrors(e, "Command");
            }
            catch (DomainException e)
            {
                ModelState.AddDomainError(e, text);
            }
            catch (DbUpdateException)
            {
                // Another tab or a double click submitted the same request first: both land on the same page.
                return Redirect($"/portage/{id}");
            }
        }

        var form = await mediator.Send(new Sign.Query(id), ct);
        command.DrawnSignature = null;
        return View("Signature", form with { Command = command });
    }

    /// <summary>Shows a step (a locked one throws <see cref="StepLockedException"/>: the filter sends the admin to the status page).</summary>
    private async Task<IActionResult> Step<TForm>(Guid id, Func<Task<TForm>> load, string view)
    {
        _ = id;
        return View(view, await load());
    }

    private async Task<IActionResult> Save<TCommand, TForm>(Guid id, TCommand command, string next,
        Func<Task<TForm>> redisplay, string view, CancellationToken ct)
        where TCommand : IWizardCommand, ICommand
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        if (ModelState.IsValid)
        {
            try
            {
                await mediator.Send(command, ct);
                return Redirect(Drafts.NextUrl(id, next, command.ReturnTo));
            }
            catch (ValidationException e)
            {
                ModelState.AddValidationErrors(e, typeof(TForm) == typeof(TCommand) ? null : "Command");
            }
            catch (DomainException e) when (e.Code is "PortRequest.Locked" or "PortRequest.SectionLocked")
            {
                return Redirect($"/portage/{id}");
            }
            catch (DomainException e)
            {
                ModelState.AddDomainError(e, text);
            }
            catch (DbUpdateException)
            {
                ModelState.AddModelError(string.Empty, text["Wizard.ModifiedMeanwhile"]);
            }
        }

        return View(view, await redisplay());
    }
}
