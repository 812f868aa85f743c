namespace OomaPorting.Web.Infrastructure;

/// <summary>Role names, as Identity stores them.</summary>
public static class Roles
{
    public const string AccountAdmin = nameof(ActorRole.AccountAdmin);
    public const string AccountUser = nameof(ActorRole.AccountUser);
    public const string Support = nameof(ActorRole.Support);

    /// <summary>A support agent who also manages support agents (the first one is made by <c>create-support-agent</c>).</summary>
    public const string SupportAdmin = "SupportAdmin";

    /// <summary>Every role the portal uses: they exist in every database (<see cref="Identity.RoleSetup"/>).</summary>
    public static IReadOnlyList<string> All { get; } = [AccountAdmin, AccountUser, Support, SupportAdmin];
    public const string AnyAccountMember = AccountAdmin + "," + AccountUser;
}
