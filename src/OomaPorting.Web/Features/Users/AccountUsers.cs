using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.Users;

/// <summary>
/// The people of the signed-in admin's account, read and changed through here only: a user of another account is not
/// found (404), and every change that could leave the account without an active admin is refused
/// (<see cref="AccountAdmins.CheckChange"/>).
/// </summary>
internal static class AccountUsers
{
    public static async Task<AppUser> LoadAsync(AppDbContext db, ICurrentActor current, string userId, CancellationToken ct)
    {
        var accountId = current.AccountId ?? throw new NotFoundException();
        return await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.AccountId == accountId, ct) ?? throw new NotFoundException();
    }

    public static async Task<List<string>> ActiveAdminIdsAsync(AppDbContext db, Guid accountId, CancellationToken ct)
    {
        var admins = RoleMembers.UserIds(db, Roles.AccountAdmin);
        return await db.Users
            .Where(u => u.AccountId == accountId && !u.IsDisabled && admins.Contains(u.Id))
            .Select(u => u.Id).ToListAsync(ct);
    }

    public static async Task RequireAnAdminRemainsAsync(AppDbContext db, AppUser user, bool staysActiveAdmin, CancellationToken ct)
    {
        if (AccountAdmins.CheckChange(await ActiveAdminIdsAsync(db, user.AccountId!.Value, ct), user.Id, staysActiveAdmin) is { } problem)
        {
            throw new DomainException(problem, "An account keeps at least one active admin.");
        }
    }
}
