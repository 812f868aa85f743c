using Microsoft.AspNetCore.Identity;

namespace OomaPorting.Web.Infrastructure.Identity;

/// <summary>An Identity change that must succeed (creating a user, giving a role): a refusal is a bug, not a user's mistake.</summary>
public static class IdentityResults
{
    public static void EnsureSucceeded(this IdentityResult result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what}: Identity refused the change ({string.Join("; ", result.Errors.Select(e => e.Code))}).");
        }
    }
}
