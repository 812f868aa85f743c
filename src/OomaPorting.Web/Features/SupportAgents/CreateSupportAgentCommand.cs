using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Identity;

namespace OomaPorting.Web.Features.SupportAgents;

/// <summary>
/// <c>create-support-agent --email … --name …</c>: the portal's own command for its first start on an empty database
/// (any provider). It creates a support agent who is also <see cref="Roles.SupportAdmin"/>, with no password, and
/// prints a single-use link (valid 7 days) where the agent chooses one. It never takes a password. Exit codes: 0 done,
/// 2 wrong arguments, 3 the e-mail already belongs to someone (nothing is created).
/// </summary>
public static class CreateSupportAgentCommand
{
    public const string Name = "create-support-agent";

    public const int Done = 0;
    public const int Usage = 2;
    public const int EmailTaken = 3;

    public static bool IsRequested(IReadOnlyList<string> args) =>
        args is { Count: > 0 } && string.Equals(args[0], Name, StringComparison.Ordinal);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var email = Option(args, "--email")?.Trim();
        var name = Option(args, "--name")?.Trim();
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(name))
        {
            await error.WriteLineAsync($"Usage: {Name} --email agent@example.com --name \"First Last\"");
            return Usage;
        }

        if (!EmailAddresses.IsPlain(email))
        {
            await error.WriteLineAsync($"'{email}' is not an e-mail address.");
            return Usage;
        }

        if (DomainText.PersonNameProblem(name, "Agent.Name", 200) is { } problem)
        {
            await error.WriteLineAsync($"The name is not acceptable ({problem}): letters, spaces, hyphens and apostrophes, 200 characters at most.");
            return Usage;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var portalUrl = scope.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value.PortalUrl.TrimEnd('/');
        if (await users.FindByEmailAsync(email) is not null)
        {
            await error.WriteLineAsync($"A user with the e-mail {email} already exists: nothing was created.");
            return EmailTaken;
        }

        // One transaction: the agent, their roles and their link exist together or not at all.
        var token = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.BeginWriteTransactionAsync();
            var agent = await NewSupportAgent.CreateAsync(users, email, name, isAdmin: true);
            var issued = await Invitations.IssueAsync(db, agent.Id, now, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return issued;
        });

        await output.WriteLineAsync($"Support agent {email} created (support administrator).");
        await output.WriteLineAsync($"Send them this single-use link to choose their password; it is valid until {now + Invitations.Lifetime:yyyy-MM-dd HH:mm} UTC:");
        await output.WriteLineAsync($"{portalUrl}{Invitations.Path}{token}");
        return Done;
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c>.</summary>
    private static string? Option(IReadOnlyList<string> args, string option)
    {
        for (var i = 1; i < args.Count; i++)
        {
            if (string.Equals(args[i], option, StringComparison.Ordinal))
            {
                return i + 1 < args.Count ? args[i + 1] : null;
            }

            if (args[i].StartsWith(option + "=", StringComparison.Ordinal))
            {
                return args[i][(option.Length + 1)..];
            }
        }

        return null;
    }
}
