namespace OomaPorting.Web.Infrastructure.Validation;

/// <summary>A validator that asks a domain check; what the browser can know of it ahead of the server.</summary>
public interface IDomainCheck
{
    /// <summary>The message for an empty value when the domain refuses one (<c>*.Required</c>), else null.</summary>
    string? RequiredMessage { get; }
}
