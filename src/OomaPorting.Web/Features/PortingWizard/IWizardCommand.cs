namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>What every wizard command carries: the request and where to go back to.</summary>
public interface IWizardCommand
{
    Guid Id { get; set; }

    /// <summary>"signature" when the admin came from the check-answers page to change this answer.</summary>
    string? ReturnTo { get; set; }
}
