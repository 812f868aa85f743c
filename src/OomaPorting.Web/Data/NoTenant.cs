namespace OomaPorting.Web.Data;

/// <summary>For code that runs outside a request (start-up, seeding, tools): sees no account's data through the filters.</summary>
public sealed class NoTenant : ICurrentTenant
{
    public static NoTenant Instance { get; } = new();

    public Guid? AccountId => null;
}
