using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>What a person's authenticator app shows, computed from the key the portal stored for them.</summary>
public static class Authenticator
{
    /// <summary>
    /// A code the portal will accept now for <paramref name="email"/>: the current time step's, or the next one when the
    /// current step was used already (the portal accepts each step once, and one step of drift). When neither is left,
    /// the clock moves on: a fake clock by 30 seconds, the real one by waiting for the next step.
    /// </summary>
    public static async Task<string> NextCodeAsync(IServiceProvider services, string email)
    {
        ArgumentNullException.ThrowIfNull(services);
        while (true)
        {
            using var scope = services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
            var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException($"{email} has no authenticator key.");
            var now = time.GetUtcNow();
            var step = now.ToUnixTimeSeconds() / 30;
            var next = Math.Max(step, user.AuthenticatorLastStep + 1);
            if (next <= step + 1)
            {
                return AuthenticatorCodes.Compute(key, DateTimeOffset.FromUnixTimeSeconds(next * 30).UtcDateTime);
            }

            if (time is FakeTimeProvider fake)
            {
                fake.Advance(TimeSpan.FromSeconds(30));
            }
            else
            {
                await Task.Delay(TimeSpan.FromSeconds(30 - (now.ToUnixTimeSeconds() % 30) + 1));
            }
        }
    }

    /// <summary>The code of <paramref name="key"/> at the current time of <paramref name="services"/>' clock.</summary>
    public static string CodeNow(IServiceProvider services, string key) =>
        AuthenticatorCodes.Compute(key, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
}
