using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OomaPorting.Web.Infrastructure.Forms;

namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>
/// "Portage de numéro": the entry page and the six steps (<c>/portage/{id}/type</c> ... <c>/signature</c>).
/// Each POST saves through its slice and redirects; a refused POST re-renders the step with field messages.
/// </summary>
[Authorize(Roles = Roles.AccountAdmin)]
public sealed class PortingWizardController(IMediator mediator) : PortalController
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
    public Task<IActionResult> Delete(Guid id) =>
        Submit(new DeleteDraft.Command(id), _ =>
        {
            Confirm("Wizard.Done.DraftDeleted");
            return Redirect("/portage");
        }, () => Task.FromResult<IActionResult>(Redirect($"/portage/{id}")));

    /// <summary>Numbers on a residential Ooma Telo or Hub are moved by customer service, not through the wizard.</summary>
    [HttpGet("portage/telo-hub")]
    public IActionResult FromTeloOrHub([FromServices] IOptions<SupportContactOptions> contact, [FromServices] TimeProvider time,
        [FromServices] BusinessCalendar calendar) => View(Help.SupportContact.Now(contact.Value, time, calendar));

    [HttpGet("portage/{id:guid}/type")]
    public async Task<IActionResult> NumberType(Guid id, string? retour, CancellationToken ct) =>
        await Step(() => mediator.Send(new ChooseNumberType.Query(id, retour), ct).AsTask(), "NumberType");

    [HttpPost("portage/{id:guid}/type")]
    public Task<IActionResult> NumberType(Guid id, [Bind(Prefix = "Command")] ChooseNumberType.Command command, CancellationToken ct) =>
        Save(id, command, "operateur", "NumberType",
            () => mediator.Send(new ChooseNumberType.Query(id, command.ReturnTo), ct).AsTask(), form => form with { Command = command });

    [HttpGet("portage/{id:guid}/operateur")]
    public async Task<IActionResult> Carrier(Guid id, string? retour, CancellationToken ct) =>
        await Step(() => mediator.Send(new ChooseCarrier.Query(id, retour), ct).AsTask(), "Carrier");

    [HttpPost("portage/{id:guid}/operateur")]
    public Task<IActionResult> Carrier(Guid id, [Bind(Prefix = "Command")] ChooseCarrier.Command command, CancellationToken ct) =>
        Save(id, command, "compte", "Carrier",
            () => mediator.Send(new ChooseCarrier.Query(id, command.ReturnTo), ct).AsTask(), form => form with { Command = command });

    [HttpGet("portage/{id:guid}/compte")]
    public async Task<IActionResult> CarrierAccount(Guid id, string? retour, CancellationToken ct) =>
        await Step(() => mediator.Send(new EnterCarrierAccount.Query(id, retour), ct).AsTask(), "CarrierAccount");

    [HttpPost("portage/{id:guid}/compte")]
    public Task<IActionResult> CarrierAccount(Guid id, [Bind(Prefix = "Command")] EnterCarrierAccount.Command command, CancellationToken ct) =>
        Save(id, command, "numeros", "CarrierAccount",
            () => mediator.Send(new EnterCarrierAccount.Query(id, command.ReturnTo), ct).AsTask(), form => form with { Command = command });

    [HttpGet("portage/{id:guid}/numeros")]
    public async Task<IActionResult> Lines(Guid id, string? retour, CancellationToken ct) =>
        await Step(() => mediator.Send(new EnterLines.Query(id, retour), ct).AsTask(), "Lines");

    /// <summary>
    /// Saves the numbers, or (without JavaScript) adds or removes a row: <c>ajouter</c> and <c>supprimer-N</c>
    /// re-render the form with the rows changed and save nothing.
    /// </summary>
    [HttpPost("portage/{id:guid}/numeros")]
    public async Task<IActionResult> Lines(Guid id, [Bind(Prefix = "Command")] EnterLines.Command command, string? action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        Task<EnterLines.Form> Load() => mediator.Send(new EnterLines.Query(id, command.ReturnTo), ct).AsTask();
        if (action == "ajouter" || (action?.StartsWith("supprimer-", StringComparison.Ordinal) ?? false))
        {
            ModelState.Clear();
            command.Id = id;
            if (action == "ajouter" && command.Lines.Count < EnterLines.MaxRows)
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

            return View("Lines", (await Load()) with { Command = command });
        }

        return await Save(id, command, "adresse", "Lines", Load, form => form with { Command = command });
    }

    [HttpGet("portage/{id:guid}/adresse")]
    public async Task<IActionResult> Address(Guid id, string? retour, CancellationToken ct) =>
        await Step(() => mediator.Send(new EnterServiceAddress.Query(id, retour), ct).AsTask(), "Address");

    [HttpPost("portage/{id:guid}/adresse")]
    public Task<IActionResult> Address(Guid id, EnterServiceAddress.Command command, CancellationToken ct) =>
        Save(id, command, "justificatifs", "Address", () => mediator.Send(new EnterServiceAddress.Query(id, command.ReturnTo), ct).AsTask(), _ => command,
            FormFields.Unprefixed);

    [HttpGet("portage/{id:guid}/justificatifs")]
    public async Task<IActionResult> Documents(Guid id, string? retour, CancellationToken ct) =>
        await Step(() => mediator.Send(new AttachDocuments.Query(id, retour), ct).AsTask(), "Documents");

    /// <summary>
    /// Attaches the posted files (multipart, without JavaScript). The body may hold five files of 10 MB and the form
    /// around them; a larger one is refused before it is read (413, see docs/security.md).
    /// </summary>
    [HttpPost("portage/{id:guid}/justificatifs")]
    [RequestSizeLimit(AttachDocuments.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = AttachDocuments.MaxRequestBytes)]
    public Task<IActionResult> Documents(Guid id, [Bind(Prefix = "Command")] AttachDocuments.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        var here = Drafts.StepUrl(id, "justificatifs") + (command.ReturnTo == "signature" ? "?retour=signature" : string.Empty);
        return Submit(command,
            _ =>
            {
                Confirm("Wizard.Documents.Added");
                return Redirect(here);
            },
            async () =>
            {
                var form = await mediator.Send(new AttachDocuments.Query(id, command.ReturnTo), ct);
                return View("Documents", ConcurrentChange ? form : form with { Command = new AttachDocuments.Command { Id = id, ReturnTo = command.ReturnTo, Kind = command.Kind } });
            },
            FormFields.Command);
    }

    [HttpPost("portage/{id:guid}/justificatifs/{documentId:guid}/supprimer")]
    public Task<IActionResult> RemoveDocument(Guid id, Guid documentId, string? returnTo, CancellationToken ct)
    {
        var here = Drafts.StepUrl(id, "justificatifs") + (returnTo == "signature" ? "?retour=signature" : string.Empty);
        return Submit(new RemoveDocument.Command(id, documentId),
            _ =>
            {
                Confirm("Wizard.Documents.Removed");
                return Redirect(here);
            },
            async () => View("Documents", await mediator.Send(new AttachDocuments.Query(id, returnTo), ct)));
    }

    [HttpGet("portage/{id:guid}/signature")]
    public async Task<IActionResult> Signature(Guid id, CancellationToken ct) =>
        await Step(() => mediator.Send(new Sign.Query(id), ct).AsTask(), "Signature");

    [HttpPost("portage/{id:guid}/signature")]
    public Task<IActionResult> Signature(Guid id, [Bind(Prefix = "Command")] Sign.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        return Submit(command,
            outcome => Redirect(outcome.AlreadySubmitted ? $"/portage/{outcome.Id}" : $"/portage/{outcome.Id}/signature/code"),
            async () =>
            {
                var form = await mediator.Send(new Sign.Query(id), ct);
                command.DrawnSignature = null;
                return View("Signature", ConcurrentChange ? form : form with { Command = command });
            },
            FormFields.Command);
    }

    [HttpGet("portage/{id:guid}/signature/code")]
    public async Task<IActionResult> SignatureCode(Guid id, CancellationToken ct) =>
        await Step(() => mediator.Send(new ConfirmSignature.Query(id), ct).AsTask(), "ConfirmSignature");

    [HttpPost("portage/{id:guid}/signature/code")]
    public Task<IActionResult> SignatureCode(Guid id, ConfirmSignature.Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        return Submit(command,
            outcome => Redirect(outcome.AlreadySubmitted ? $"/portage/{outcome.Id}" : $"/portage/{outcome.Id}?envoyee=1"),
            async () => View("ConfirmSignature", await mediator.Send(new ConfirmSignature.Query(id), ct)));
    }

    [HttpPost("portage/{id:guid}/signature/code/renvoyer")]
    public Task<IActionResult> ResendSignatureCode(Guid id, CancellationToken ct) =>
        Submit(new ResendSignatureCode.Command(id),
            _ =>
            {
                Confirm("Wizard.Code.Resent");
                return Redirect($"/portage/{id}/signature/code");
            },
            async () => View("ConfirmSignature", await mediator.Send(new ConfirmSignature.Query(id), ct)));

    /// <summary>A step that cannot be changed now (request submitted, or not reopened by a fix) sends the admin to the status page.</summary>
    public override void OnActionExecuted(Microsoft.AspNetCore.Mvc.Filters.ActionExecutedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Exception is StepLockedException locked)
        {
            context.Result = Redirect($"/portage/{locked.RequestId}");
            context.ExceptionHandled = true;
        }
        else if (context.Exception is NoPendingCodeException noCode)
        {
            context.Result = Redirect($"/portage/{noCode.RequestId}/signature");
            context.ExceptionHandled = true;
        }
    }

    /// <summary>Shows a step (a locked one throws <see cref="StepLockedException"/>, see <see cref="OnActionExecuted"/>).</summary>
    private async Task<IActionResult> Step<TForm>(Func<Task<TForm>> load, string view) => View(view, await load());

    /// <summary>Saves a step and goes to the next one (or back to the check-answers page); a refusal shows the step again.</summary>
    /// <param name="load">The step's form from the saved request.</param>
    /// <param name="withPosted">The form with what the admin posted, shown after a refused input.</param>
    /// <param name="fields">How the step's inputs are named: under <c>Command.</c> (the default), or bare when the command is the form.</param>
    private Task<IActionResult> Save<TCommand, TForm>(Guid id, TCommand command, string next, string view,
        Func<Task<TForm>> load, Func<TForm, TForm> withPosted, FormFields? fields = null)
        where TCommand : IWizardCommand, ICommand
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Id = id;
        return Submit(command, _ => Redirect(Drafts.NextUrl(id, next, command.ReturnTo)),
            async () =>
            {
                var form = await load();
                return View(view, ConcurrentChange ? form : withPosted(form));
            },
            fields ?? FormFields.Command);
    }
}
