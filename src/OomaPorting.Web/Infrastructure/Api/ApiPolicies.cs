using Microsoft.AspNetCore.Authorization;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>What a key may do: every API endpoint needs <see cref="Read"/>; a change needs <see cref="Write"/> (a read-only key gets 403).</summary>
public static class ApiPolicies
{
    public const string Read = "api-read";
    public const string Write = "api-write";

    /// <summary>The rate-limit policy of every API call (per key, <c>Api:PermitPerMinute</c>).</summary>
    public const string RateLimit = "api";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Read, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthentication.KeyIdClaim))
            .AddPolicy(Write, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser()
                .RequireClaim(ApiKeyAuthentication.KeyIdClaim).RequireClaim(ApiKeyAuthentication.CanWriteClaim));
    }
}
