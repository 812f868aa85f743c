using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Features.Errors;
using OomaPorting.Web.Infrastructure.Api;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web;

/// <summary>Rate limits per client address and per API key.</summary>
public static partial class PortalServices
{
    /// <summary>Sign-in POSTs and public checks per client address (<see cref="RateLimitOptions"/>), then 429 with a French page.</summary>
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>(RateLimitOptions.SignIn).Configure(o => o.PermitPerMinute = 10);
        services.AddOptions<RateLimitOptions>(RateLimitOptions.Eligibility).Configure(o => o.PermitPerMinute = 30);
        services.AddOptions<RateLimitOptions>(RateLimitOptions.Api).Configure(o => o.PermitPerMinute = 600);
        services.AddOptions<RateLimitOptions>(RateLimitOptions.ApiFailedAuthentications).Configure(o => o.PermitPerMinute = 30);
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.ApiFailedAuthentications, RateLimitOptions.ApiFailedAuthentications);
        services.AddSingleton<ApiAuthenticationFailures>();
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Api, RateLimitOptions.Api);
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.SignIn, RateLimitOptions.SignIn);
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Eligibility, RateLimitOptions.Eligibility);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInRateLimitPolicy, http => PerClientAddress(http, RateLimitOptions.SignIn));
            o.AddPolicy(PublicCheckRateLimitPolicy, http => PerClientAddress(http, RateLimitOptions.Eligibility));
            o.AddPolicy(ApiPolicies.RateLimit, PerApiKey);
            o.OnRejected = async (context, ct) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                if (ApiProblems.IsApi(context.HttpContext))
                {
                    await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Api.TooManyRequests");
                    return;
                }

                await ErrorPages.WriteTooManyRequestsAsync(context.HttpContext, ct);
            };
        });
        return services;
    }

    /// <summary>
    /// API calls per key (<c>Api:PermitPerMinute</c>, 600 by default), counted for authenticated calls only (the key is
    /// authenticated before the limiter, <see cref="ApiKeyAuthentication.AuthenticateFirst"/>): a forged key that shares a
    /// real one's public prefix never spends its allowance. A call without a valid key is answered 401 by the authorisation
    /// and its failure counts against its client address (<see cref="ApiAuthenticationFailures"/>). Per instance (docs/operations.md).
    /// </summary>
    private static RateLimitPartition<string> PerApiKey(HttpContext http)
    {
        if (http.User.FindFirst(ApiKeyAuthentication.KeyIdClaim)?.Value is not { } keyId)
        {
            return RateLimitPartition.GetNoLimiter("unauthenticated");
        }

        var permit = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().Get(RateLimitOptions.Api).PermitPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter("key:" + keyId,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private static RateLimitPartition<string> PerClientAddress(HttpContext http, string limit)
    {
        var permit = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().Get(limit).PermitPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
