using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.SupportAgents;

/// <summary>Loads a support agent by id; anyone else (a customer, an unknown id) is not found (404).</summary>
public static class SupportAgentUsers
{
    public static async Task<AppUser> LoadAsync(AppDbContext db, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agents = RoleMembers.UserIds(db, Roles.Support);
        return await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.AccountId == null && agents.Contains(u.Id), ct)
            ?? throw new NotFoundException();
    }
}
