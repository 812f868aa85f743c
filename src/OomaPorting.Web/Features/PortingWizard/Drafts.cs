using Microsoft.EntityFrameworkCore;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;

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

    /// <summary>The path of a step, or of the check-answers page when the admin came from there to change one answer.</summary>
    public static string StepUrl(Guid id, string step) => $"/portage/{id}/{step}";

    public static string NextUrl(Guid id, string next, string? returnTo) =>
        StepUrl(id, returnTo == "signature" ? "signature" : next);
}

/// <summary>The step cannot be changed now (request submitted, or not reopened by the fix): go to the status page.</summary>
public sealed class StepLockedException(Guid requestId) : Exception("This step is locked.")
{
    public Guid RequestId { get; } = requestId;
}

/// <summary>What every wizard command carries: the request and where to go back to.</summary>
public interface IWizardCommand
{
    Guid Id { get; set; }

    /// <summary>"signature" when the admin came from the check-answers page to change this answer.</summary>
    string? ReturnTo { get; set; }
}
