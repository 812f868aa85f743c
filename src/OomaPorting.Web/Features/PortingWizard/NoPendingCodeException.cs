namespace OomaPorting.Web.Features.PortingWizard;

/// <summary>The code page of a request with no signature waiting: the controller sends the signer to the signature page.</summary>
public sealed class NoPendingCodeException(Guid requestId) : Exception("No signature code is waiting for this request.")
{
    public Guid RequestId { get; } = requestId;
}
