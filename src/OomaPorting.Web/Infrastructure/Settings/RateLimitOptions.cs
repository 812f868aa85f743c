using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>
/// A per-client-address limit of one kind of request: <c>SignIn:PermitPerMinute</c> (sign-in posts, default 10) and
/// <c>Eligibility:PermitPerMinute</c> (public portability checks, default 30), and per API key <c>Api:PermitPerMinute</c>
/// (default 600), and failed API authentications per client address <c>Api:FailedAuthentications:PermitPerMinute</c>
/// (default 30). Beyond it the portal answers 429 with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SignIn = "SignIn";
    public const string Eligibility = "Eligibility";

    /// <summary>API calls per key a minute (<c>Api:PermitPerMinute</c>, default 600).</summary>
    public const string Api = "Api";

    /// <summary>Failed API authentications per client address a minute (<c>Api:FailedAuthentications:PermitPerMinute</c>, default 30).</summary>
    public const string ApiFailedAuthentications = "Api:FailedAuthentications";

    [Range(1, int.MaxValue, ErrorMessage = "PermitPerMinute must be at least 1.")]
    public int PermitPerMinute { get; set; }
}
