using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Keeps sign-in sessions in the database; the cookie carries only a random key. A session is refused when it was
/// signed out (row deleted), when the user's security stamp changed (password changed, sessions revoked) or when
/// the user is disabled or locked out: one indexed read per request does all of it.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider time, IHttpContextAccessor http) : ITicketStore
{
    private static readonly TicketSerializer Serializer = TicketSerializer.Default;

    /// <summary>Every signed-in request runs this read: compiled once, it skips EF Core's per-call expression work.</summary>
    private static readonly Func<AppDbContext, string, DateTime, Task<SessionRow?>> FindSession = EF.CompileAsyncQuery(
        (AppDbContext db, string key, DateTime now) => db.AuthSessions.AsNoTracking()
            .Where(s => s.Id == key && s.ExpiresAtUtc > now)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new SessionRow(s.Ticket, s.SecurityStamp, u.SecurityStamp, u.IsDisabled, u.LockoutEnd, s.LastSeenAtUtc))
            .FirstOrDefault());

    private sealed record SessionRow(byte[] Ticket, string SessionStamp, string? UserStamp, bool IsDisabled, DateTimeOffset? LockoutEnd, DateTime LastSeenAtUtc);

    private static readonly object Unavailable = new();

    /// <summary>
    /// After authentication: a request whose session could not be read because the database is unavailable gets 503
    /// (the French "unavailable" page, <c>Retry-After</c>), not a redirect to sign-in as if it had no session.
    /// </summary>
    public static Task RefuseWhenUnavailable(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!context.Items.ContainsKey(Unavailable) || context.Request.Path.StartsWithSegments("/erreur", StringComparison.Ordinal))
        {
            return next();
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "60";
        return Task.CompletedTask;
    }

    /// <summary>"Last seen" is written at most this often: a session's every request must not cost a write.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(5);

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var publicId = Guid.CreateVersion7(now);
        if (ticket.Principal.Identity is ClaimsIdentity identity)
        {
            foreach (var old in identity.FindAll(PortalClaims.SessionId).ToList())
            {
                identity.RemoveClaim(old);
            }

            identity.AddClaim(new Claim(PortalClaims.SessionId, publicId.ToString()));
        }

        var request = http.HttpContext;
        var device = request?.Request.Headers.UserAgent.ToString();
        db.AuthSessions.Add(new AuthSession
        {
            Id = key,
            PublicId = publicId,
            Device = string.IsNullOrEmpty(device) ? null : device.Length > AuthSession.MaxDeviceLength ? device[..AuthSession.MaxDeviceLength] : device,
            IpAddress = request?.Connection.RemoteIpAddress?.ToString(),
            LastSeenAtUtc = now,
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            SecurityStamp = ticket.Principal.FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType) ?? string.Empty,
            Ticket = Serializer.Serialize(ticket),
            CreatedAtUtc = now,
            ExpiresAtUtc = ticket.Properties.ExpiresUtc?.UtcDateTime ?? now.AddHours(8),
        });

        // Expired sessions of this user go when a new one starts: the table never grows without bound.
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        await db.AuthSessions.Where(s => s.UserId == userId && s.ExpiresAtUtc < now).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>
    /// Sliding expiration. A sign-in never comes here (<see cref="FreshSessionCookieHandler"/> gives it a new key); the
    /// row still takes the ticket's user and security stamp, never only its bytes, and the ticket keeps the row's public id.
    /// </summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var publicId = await db.AuthSessions.Where(s => s.Id == key).Select(s => (Guid?)s.PublicId).FirstOrDefaultAsync();
        if (publicId is null)
        {
            return;
        }

        if (ticket.Principal.Identity is ClaimsIdentity identity && !identity.HasClaim(PortalClaims.SessionId, publicId.Value.ToString()))
        {
            foreach (var old in identity.FindAll(PortalClaims.SessionId).ToList())
            {
                identity.RemoveClaim(old);
            }

            identity.AddClaim(new Claim(PortalClaims.SessionId, publicId.Value.ToString()));
        }

        var bytes = Serializer.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime ?? time.GetUtcNow().UtcDateTime.AddHours(8);
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var stamp = ticket.Principal.FindFirstValue(new IdentityOptions().ClaimsIdentity.SecurityStampClaimType) ?? string.Empty;
        await db.AuthSessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Ticket, bytes).SetProperty(s => s.ExpiresAtUtc, expires)
            .SetProperty(s => s.UserId, userId).SetProperty(s => s.SecurityStamp, stamp));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        SessionRow? row;
        try
        {
            row = await FindSession(db, key, now);
        }
        catch (Exception e) when (SqliteFaultGuard.IsFileFault(e) && http.HttpContext is { } context)
        {
            // The database itself is unavailable: the request is answered 503 once authentication is over
            // (RefuseWhenUnavailable), and its error page is rendered without a session rather than not at all (the
            // handler keeps this answer for the page's re-execution).
            context.Items[Unavailable] = true;
            return null;
        }

        if (row is null || row.IsDisabled || row.SessionStamp != row.UserStamp || row.LockoutEnd > time.GetUtcNow())
        {
            return null;
        }

        if (row.LastSeenAtUtc < now - LastSeenResolution)
        {
            await db.AuthSessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAtUtc, now));
        }

        return Serializer.Deserialize(row.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.AuthSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
    }
}
