using Microsoft.AspNetCore.Identity;

namespace OomaPorting.Web.Features.MyAccount;

/// <summary>"Mon compte": who I am, my language, whether I use two-factor sign-in, and my open sessions.</summary>
public static class GetMyAccount
{
    public sealed record Query : IQuery<Profile>;

    public sealed record Profile(string Name, string Email, string Culture, bool TwoFactorEnabled, IReadOnlyList<Session> Sessions);

    /// <param name="Device">What the browser says it is ("Firefox, Windows"); null when it says nothing recognisable.</param>
    public sealed record Session(Guid Id, string? Device, string? IpAddress, DateTime CreatedAtUtc, DateTime LastSeenAtUtc, bool IsCurrent);

    public sealed class Handler(AppDbContext db, UserManager<AppUser> users, ICurrentActor current, TimeProvider time) : IQueryHandler<Query, Profile>
    {
        public async ValueTask<Profile> Handle(Query query, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(current.Actor.UserId) ?? throw new NotFoundException();
            var now = time.GetUtcNow().UtcDateTime;

            // Only sessions that still let the user in: unexpired, and opened under the current security stamp.
            var sessions = await db.AuthSessions.AsNoTracking()
                .Where(s => s.UserId == user.Id && s.ExpiresAtUtc > now && s.SecurityStamp == user.SecurityStamp)
                .OrderByDescending(s => s.LastSeenAtUtc)
                .Select(s => new { s.PublicId, s.Device, s.IpAddress, s.CreatedAtUtc, s.LastSeenAtUtc })
                .ToListAsync(cancellationToken);
            return new Profile(user.DisplayName, user.Email ?? string.Empty, user.PreferredCulture, user.TwoFactorEnabled,
                [.. sessions.Select(s => new Session(s.PublicId, DeviceName.Of(s.Device), s.IpAddress, s.CreatedAtUtc, s.LastSeenAtUtc,
                    s.PublicId == current.SessionId))]);
        }
    }
}
