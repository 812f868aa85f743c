namespace OomaPorting.Web.Infrastructure;

/// <summary>The signed-in user of the current HTTP request, read from the session cookie's claims.</summary>
public sealed class HttpCurrentActor(IHttpContextAccessor accessor) : ICurrentActor, ICurrentTenant
{
    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("No HTTP request is being handled.");

    public Actor Actor => Context.User.ToActor();

    public Guid? AccountId => accessor.HttpContext?.User.GetAccountId();

    public bool UsedSecondFactor => Identity.TwoFactorGate.UsedSecondFactor(Context.User);

    public Guid? ApiKeyId => Guid.TryParse(accessor.HttpContext?.User.FindFirst(Api.ApiKeyAuthentication.KeyIdClaim)?.Value, out var id) ? id : null;

    public Guid? SessionId => Guid.TryParse(Context.User.FindFirst(PortalClaims.SessionId)?.Value, out var id) ? id : null;

    public ClientInfo Client => new(Context.Connection.RemoteIpAddress?.ToString(), Context.Request.Headers.UserAgent.ToString());
}
