using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>People a test needs besides the demo data, made through Identity as the portal makes them.</summary>
public static class TestPeople
{
    /// <summary>A support agent with the demo password and, when asked, two-factor sign-in on a key of their own (returned).</summary>
    public static async Task<(string Id, string? Key)> AgentAsync(PortalFactory factory, string email, bool admin = false, bool twoFactor = true)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var agent = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Agent " + email.Split('@')[0] };
        Check(await users.CreateAsync(agent, DemoData.Password));
        Check(await users.AddToRolesAsync(agent, admin ? ["Support", "SupportAdmin"] : ["Support"]));
        string? key = null;
        if (twoFactor)
        {
            key = users.GenerateNewAuthenticatorKey();
            var store = (IUserAuthenticatorKeyStore<AppUser>)scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>();
            await store.SetAuthenticatorKeyAsync(agent, key, CancellationToken.None);
            Check(await users.SetTwoFactorEnabledAsync(agent, true));
        }

        return (agent.Id, key);
    }

    /// <summary>An account of its own (a fresh temporary number) with one invited admin (no password yet).</summary>
    public static async Task<(Guid AccountId, string AdminId)> AccountAsync(PortalFactory factory, string company)
    {
        ArgumentNullException.ThrowIfNull(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var n = Interlocked.Increment(ref _accounts);
        var account = Domain.Accounts.Account.Open(Guid.NewGuid(), company, Domain.Numbers.FrenchNumber.Parse($"09 73 {n / 10000 % 100:D2} {n / 100 % 100:D2} {n % 100:D2}"),
            DateTime.UtcNow);
        db.Accounts.Add(account);
        await db.SaveChangesAsync();
        var admin = new AppUser { UserName = $"admin{n}@{account.Id:N}.test", Email = $"admin{n}@{account.Id:N}.test", DisplayName = "Admin Invité", AccountId = account.Id };
        Check(await users.CreateAsync(admin));
        Check(await users.AddToRoleAsync(admin, "AccountAdmin"));
        return (account.Id, admin.Id);
    }

    private static int _accounts;

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
