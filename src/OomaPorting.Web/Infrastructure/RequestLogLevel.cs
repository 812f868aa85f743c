using Serilog.Events;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// The level of a request's log line: Error for a failure of the portal (an exception, a 5xx), Information otherwise,
/// including a request the client abandoned (a closed tab, a load tool stopping): its cancellation is not an error of
/// the portal and must not page anyone. A static file served without error is Debug (below the file's level).
/// </summary>
public static class RequestLogLevel
{
    public static LogEventLevel For(HttpContext context, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return LogEventLevel.Information;
        }

        if (exception is not null || context.Response.StatusCode >= 500)
        {
            return LogEventLevel.Error;
        }

        // A file served before routing (style sheets, scripts, images: no endpoint) is not worth a line per page view.
        return context.Response.StatusCode < 400 && context.GetEndpoint() is null ? LogEventLevel.Debug : LogEventLevel.Information;
    }
}
