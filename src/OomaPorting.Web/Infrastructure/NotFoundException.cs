using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// The resource does not exist for this user: another account's request looks exactly like a missing one (404).
/// </summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
        : base("Not found.")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

