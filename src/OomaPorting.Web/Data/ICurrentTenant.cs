namespace OomaPorting.Web.Data;

/// <summary>The account whose data the current request may see. Null: nobody's (anonymous, support, background work).</summary>
public interface ICurrentTenant
{
    Guid? AccountId { get; }
}

