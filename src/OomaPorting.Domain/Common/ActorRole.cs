namespace OomaPorting.Domain.Common;

/// <summary>The roles of the portal, as docs/domain.md names them ("Who acts").</summary>
public enum ActorRole
{
    AccountUser = 0,
    AccountAdmin = 1,
    Support = 2,
    System = 3,
}
