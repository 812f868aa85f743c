namespace OomaPorting.Web.Infrastructure;

/// <summary>Claim types the portal adds to the sign-in cookie.</summary>
public static class PortalClaims
{
    public const string AccountId = "ooma:account";
    public const string DisplayName = "ooma:name";

    /// <summary>Present when the user must sign in with a second factor: every support agent, and users of an account that requires it.</summary>
    public const string TwoFactorRequired = "ooma:2fa-required";

    /// <summary>Identity's own mark of a sign-in made with a second factor (<c>amr</c> = <c>mfa</c>).</summary>
    public const string AuthenticationMethod = "amr";

    public const string MultiFactor = "mfa";

    /// <summary>The public id of the sign-in session (<see cref="Data.AuthSession.PublicId"/>), added when it is stored.</summary>
    public const string SessionId = "ooma:session";
}
