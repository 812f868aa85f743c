namespace OomaPorting.Domain.Common;

/// <summary>
/// A rule of the domain refused an operation. <see cref="Code"/> is stable and is what the web layer
/// translates into the user's language; <see cref="Exception.Message"/> is for logs and developers.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public DomainException()
        : this("Domain.Error", "A domain rule was broken.")
    {
    }

    public DomainException(string message)
        : this("Domain.Error", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "Domain.Error";
    }

    public string Code { get; }
}
