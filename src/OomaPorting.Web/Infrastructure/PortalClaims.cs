namespace OomaPorting.Web.Infrastructure;

/// <summary>Claim types the portal adds to the sign-in cookie.</summary>
public static class PortalClaims
{
    public const string AccountId = "ooma:account";
    public const string DisplayName = "ooma:name";
}
