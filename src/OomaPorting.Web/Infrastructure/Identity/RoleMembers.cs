namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>Who holds a role, as a query to compose into others (one SQL round trip, no list in memory).</summary>
public static class RoleMembers
{
    public static IQueryable<string> UserIds(AppDbContext db, string role)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from ur in db.UserRoles
               join r in db.Roles on ur.RoleId equals r.Id
               where r.Name == role
               select ur.UserId;
    }
}
