namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>The step cannot be changed now (request submitted, or not reopened by the fix): go to the status page.</summary>
public sealed class StepLockedException(Guid requestId) : Exception("This step is locked.")
{
    public Guid RequestId { get; } = requestId;
}
