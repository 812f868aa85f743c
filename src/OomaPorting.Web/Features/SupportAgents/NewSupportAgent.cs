using Microsoft.AspNetCore.Identity;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.SupportAgents;

/// <summary>
/// The one way a support agent comes to exist, from the first-start command or from the agents page: a person
/// without an account and without a password, with the support role (and support administration when asked). The
/// caller sends the link and saves, in its own transaction.
/// </summary>
public static class NewSupportAgent
{
    public static async Task<AppUser> CreateAsync(UserManager<AppUser> users, string email, string name, bool isAdmin)
    {
        ArgumentNullException.ThrowIfNull(users);
        var agent = new AppUser { UserName = email, Email = email, DisplayName = DomainText.Clean(name, "Agent.Name", 200) };
        (await users.CreateAsync(agent)).EnsureSucceeded("The agent could not be created");
        (await users.AddToRolesAsync(agent, isAdmin ? [Roles.Support, Roles.SupportAdmin] : [Roles.Support])).EnsureSucceeded("The agent could not be created");
        return agent;
    }
}
