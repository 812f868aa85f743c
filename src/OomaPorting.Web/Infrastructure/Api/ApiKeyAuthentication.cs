using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// The API's only way in: <c>Authorization: Bearer ooma_…</c>. The key is found by its public prefix (one indexed read,
/// a malformed key never reaches the database), its hash compared in constant time, and it must be active and its account
/// open. The principal it makes acts as its account (<see cref="PortalClaims.AccountId"/>): an admin for a read-write
/// key, a user for a read-only one, never support. Pages never use this scheme, and API routes use nothing else: a
/// cookie alone never authorises an API call, a key never a page. A refusal is a 401 with <c>WWW-Authenticate</c> and a
/// problem-details body (<see cref="ApiProblems"/>); an address that spent its refused authentications gets a 429
/// instead, and no key is looked up for it until the minute ends (<see cref="ApiAuthenticationFailures"/>).
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    TimeProvider time, ApiAuthenticationFailures failures) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>The id of the key a request came with (<see cref="ICurrentActor.ApiKeyId"/>).</summary>
    public const string KeyIdClaim = "ooma:api-key";

    /// <summary>Set when the key is read-write; <see cref="ApiPolicies.Write"/> requires it.</summary>
    public const string CanWriteClaim = "ooma:api-write";

    private const string Realm = "OomaPorting API";

    /// <summary>Why the last authentication failed, for the challenge's <c>error_description</c>.</summary>
    private string? failure;

    /// <summary>Set when the client's address spent its failed authentications: the challenge is then a 429.</summary>
    private TimeSpan? barredFor;

    /// <summary>
    /// Authenticates an API call before the rate limiter, so the limiter counts per authenticated key (the result is
    /// kept for the request: authorisation does not look the key up again).
    /// </summary>
    public static async Task AuthenticateFirst(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (ApiProblems.IsApi(context) && !string.IsNullOrEmpty(context.Request.Headers.Authorization.ToString())
            && await context.AuthenticateAsync(SchemeName) is { Succeeded: true } result)
        {
            context.User = result.Principal;
        }

        await next();
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (failures.IsBarred(ClientAddress, out var wait))
        {
            barredFor = wait;
            failure = "Too many failed authentications from this address: wait for the delay given by Retry-After.";
            return AuthenticateResult.Fail(failure);
        }

        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space < 0 ? header : header[..space];
        if (!scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("The Authorization header must be \"Bearer <API key>\".");
        }

        var presented = space < 0 ? string.Empty : header[(space + 1)..].Trim();
        if (ApiKey.PrefixOf(presented) is not { } prefix)
        {
            return Fail("This is not an OomaPorting API key.");
        }

        var db = Context.RequestServices.GetRequiredService<AppDbContext>();
        var found = await db.ApiKeys.IgnoreQueryFilters()
            .Where(k => k.Prefix == prefix)
            .Select(k => new { Key = k, AccountClosed = db.Accounts.IgnoreQueryFilters().Where(a => a.Id == k.AccountId).Select(a => a.IsDisabled).FirstOrDefault() })
            .FirstOrDefaultAsync(Context.RequestAborted);
        var now = time.GetUtcNow().UtcDateTime;
        if (found is null || !found.Key.Matches(presented))
        {
            return Fail("Unknown API key.");
        }

        var key = found.Key;
        if (key.IsRevoked)
        {
            return Fail("This API key was revoked.");
        }

        if (key.IsExpired(now))
        {
            return Fail("This API key has expired.");
        }

        if (found.AccountClosed)
        {
            return Fail("The account of this API key is closed.");
        }

        if (key.RecordUse(now))
        {
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        db.ChangeTracker.Clear();
        var role = key.CanWrite ? Roles.AccountAdmin : Roles.AccountUser;
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, "api-key:" + key.Id),
            new(ClaimTypes.Name, key.Name),
            new(PortalClaims.DisplayName, "API · " + key.Name),
            new(PortalClaims.AccountId, key.AccountId.ToString()),
            new(ClaimTypes.Role, role),
            new(KeyIdClaim, key.Id.ToString()),
        ];
        if (key.CanWrite)
        {
            claims.Add(new Claim(CanWriteClaim, "true"));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (barredFor is { } wait)
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await ApiProblems.WriteAsync(Context, StatusCodes.Status429TooManyRequests, "Api.TooManyFailedAuthentications");
            return;
        }

        var description = failure ?? "An API key is required: Authorization: Bearer <API key>.";
        var error = failure is null ? string.Empty : ", error=\"invalid_token\", error_description=\"" + description.Replace("\"", "'", StringComparison.Ordinal) + "\"";
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"{Realm}\"{error}";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Api.Unauthorized", detail: description);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Api.ReadOnlyKey");

    private string ClientAddress => Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private AuthenticateResult Fail(string why)
    {
        failure = why;
        failures.Record(ClientAddress);
        return AuthenticateResult.Fail(why);
    }
}
