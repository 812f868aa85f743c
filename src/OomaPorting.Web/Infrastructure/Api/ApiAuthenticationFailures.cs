using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// Failed API authentications per client address (<c>Api:FailedAuthentications:PermitPerMinute</c>, 30 by default):
/// beyond, the address gets 429 with <c>Retry-After</c> and no key is even looked up until the minute ends. Kept apart
/// from the per-key allowance, which only authenticated calls spend: a forged key that shares a real key's public
/// prefix costs its sender, never the key's owner. Per instance, like every rate limit (docs/operations.md).
/// </summary>
public sealed class ApiAuthenticationFailures : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ApiAuthenticationFailures(IOptionsMonitor<RateLimitOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address,
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = options.Get(RateLimitOptions.ApiFailedAuthentications).PermitPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            }));
    }

    /// <summary>Whether <paramref name="address"/> has spent its failures for this minute; if so, how long until it may try again.</summary>
    public bool IsBarred(string address, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(address, 0);
        retryAfter = !lease.IsAcquired && lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return !lease.IsAcquired;
    }

    /// <summary>Counts one failed authentication of <paramref name="address"/>.</summary>
    public void Record(string address) => _limiter.AttemptAcquire(address).Dispose();

    public void Dispose() => _limiter.Dispose();
}
