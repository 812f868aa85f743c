using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OomaPorting.Web.Infrastructure;

/// <summary>A draft left untouched for 30 days: it can no longer be resumed.</summary>
public sealed class DraftExpiredException : Exception
{
    public DraftExpiredException()
        : base("The draft expired.")
    {
    }

    public DraftExpiredException(string message)
        : base(message)
    {
    }

    public DraftExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
