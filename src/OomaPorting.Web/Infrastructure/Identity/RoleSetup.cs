using Microsoft.AspNetCore.Identity;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>The portal's roles exist in every database, demo or production: created at start-up when missing.</summary>
public static class RoleSetup
{
    public static async Task EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var created = await roles.CreateAsync(new IdentityRole(role));
                if (!created.Succeeded && !await roles.RoleExistsAsync(role))
                {
                    throw new InvalidOperationException($"Role {role} could not be created: {string.Join("; ", created.Errors.Select(e => e.Code))}");
                }
            }
        }
    }
}
