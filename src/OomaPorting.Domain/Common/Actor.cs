namespace OomaPorting.Domain.Common;

/// <summary>The roles of the portal, as docs/domain.md names them ("Who acts").</summary>
public enum ActorRole
{
    AccountUser = 0,
    AccountAdmin = 1,
    Support = 2,
    System = 3,
}

/// <summary>Who does something: recorded on every event.</summary>
public sealed record Actor(string UserId, ActorRole Role, string DisplayName)
{
    public static Actor System { get; } = new("system", ActorRole.System, "OomaPorting");

    public bool IsCustomerAdmin => Role == ActorRole.AccountAdmin;

    public bool IsSupport => Role == ActorRole.Support;
}
