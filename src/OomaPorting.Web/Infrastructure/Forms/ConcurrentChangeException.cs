namespace OomaPorting.Web.Infrastructure.Forms;

/// <summary>
/// The request changed since the form was shown (its version is not the one posted): nothing is overwritten, the
/// form is shown again with the fresh state and 409 (<see cref="PortalController"/>).
/// </summary>
public sealed class ConcurrentChangeException : Exception
{
    public ConcurrentChangeException()
        : base("The request was modified meanwhile.")
    {
    }

    public ConcurrentChangeException(string message)
        : base(message)
    {
    }

    public ConcurrentChangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
