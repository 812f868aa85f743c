namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>Loading a request for the wizard: the account filter makes another account's id a 404.</summary>
internal static class Drafts
{
    /// <param name="section">When given, the step of that section must be open: a submitted request, or a section a fix
    /// does not reopen, sends the admin to the request's status page instead.</param>
    public static async Task<PortRequest> LoadAsync(AppDbContext db, Guid id, TimeProvider time, CancellationToken ct,
        WizardSection section = WizardSection.None)
    {
        var request = await db.PortRequests.Include(r => r.Lines).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new NotFoundException();
        if (request.IsExpiredDraft(time.GetUtcNow().UtcDateTime))
        {
            throw new DraftExpiredException();
        }

        if (section != WizardSection.None && (request.EditableSections & section) == 0)
        {
            throw new StepLockedException(id);
        }

        return request;
    }

    /// <summary>The wizard's steps in order, each with the section it edits (the main number is chosen on the signature page).</summary>
    public static IReadOnlyList<(WizardSection Section, string Step)> Steps { get; } =
    [
        (WizardSection.NumberType, "type"), (WizardSection.Carrier, "operateur"), (WizardSection.CarrierAccount, "compte"),
        (WizardSection.Lines, "numeros"), (WizardSection.AddressAndHolder, "adresse"), (WizardSection.Documents, "justificatifs"),
        (WizardSection.Signature, "signature"),
    ];

    /// <summary>How many steps the wizard has (the counter "Étape 3 sur 7").</summary>
    public static int StepCount => Steps.Count;

    /// <summary>The step that edits <paramref name="section"/>.</summary>
    public static string StepOf(WizardSection section) =>
        section == WizardSection.MainNumber ? "signature" : Steps.First(s => s.Section == section).Step;

    /// <summary>The path of a step (<c>type</c>, <c>operateur</c>, <c>compte</c>, <c>numeros</c>, <c>adresse</c>, <c>justificatifs</c>, <c>signature</c>).</summary>
    public static string StepUrl(Guid id, string step) => $"/portage/{id}/{step}";

    /// <summary>Where a saved step leads: the <paramref name="next"/> step, or back to the check-answers page when the
    /// admin came from there to change one answer.</summary>
    public static string NextUrl(Guid id, string next, string? returnTo) =>
        StepUrl(id, returnTo == "signature" ? "signature" : next);
}

