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

/// <summary>Turns <see cref="NotFoundException"/> into a 404 and <see cref="DraftExpiredException"/> into the expired-draft page (410).</summary>
public sealed class NotFoundFilter(IModelMetadataProvider metadata) : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (context.Exception)
        {
            case NotFoundException:
                context.Result = new NotFoundResult();
                context.ExceptionHandled = true;
                break;
            case DraftExpiredException:
                context.Result = new ViewResult
                {
                    ViewName = "DraftExpired",
                    StatusCode = StatusCodes.Status410Gone,
                    ViewData = new ViewDataDictionary(metadata, context.ModelState),
                };
                context.ExceptionHandled = true;
                break;
        }
    }
}
