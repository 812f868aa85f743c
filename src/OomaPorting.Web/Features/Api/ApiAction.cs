namespace OomaPorting.Web.Features.Api;

/// <summary>
/// An operation of the API on one request that the caller may do now: each is offered in a request's <c>actions</c>
/// when the domain would accept it from the key's role (<see cref="PortRequest.Actions"/>), so an integrator never has
/// to re-type the lifecycle's rules (a read-only key gets none).
/// </summary>
public enum ApiAction
{
    /// <summary><c>POST …/submit</c>: sign a draft, or a request sent back for a correction.</summary>
    Submit,

    /// <summary><c>POST …/delete</c>: delete a draft.</summary>
    Delete,

    /// <summary><c>POST …/cancel</c>: stop the request (not within 2 working days of the FOC date, nor once numbers are ported).</summary>
    Cancel,
}
