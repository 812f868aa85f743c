namespace OomaPorting.Web.Data;

/// <summary>The account whose data the current request may see. Null: nobody's (anonymous, support, background work).</summary>
public interface ICurrentTenant
{
    Guid? AccountId { get; }
}

/// <summary>For code that runs outside a request (start-up, seeding, tools): sees no account's data through the filters.</summary>
public sealed class NoTenant : ICurrentTenant
{
    public static NoTenant Instance { get; } = new();

    public Guid? AccountId => null;
}
