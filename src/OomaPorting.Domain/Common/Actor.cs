namespace OomaPorting.Domain.Common;

/// <summary>Who does something: recorded on every event.</summary>
public sealed record Actor(string UserId, ActorRole Role, string DisplayName)
{
    public static Actor System { get; } = new("system", ActorRole.System, "OomaPorting");

    public bool IsCustomerAdmin => Role == ActorRole.AccountAdmin;

    public bool IsSupport => Role == ActorRole.Support;
}
