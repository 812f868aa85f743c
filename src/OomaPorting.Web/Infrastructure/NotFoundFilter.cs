using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace OomaPorting.Web.Infrastructure;

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
