namespace OomaPorting.Web.Infrastructure;

/// <summary>Role names, as Identity stores them.</summary>
public static class Roles
{
    public const string AccountAdmin = nameof(ActorRole.AccountAdmin);
    public const string AccountUser = nameof(ActorRole.AccountUser);
    public const string Support = nameof(ActorRole.Support);
    public const string AnyAccountMember = AccountAdmin + "," + AccountUser;
}
