using System.Diagnostics;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Logs each command or query by its type name and how long it took; never its content (it may hold numbers).
/// Commands (changes) are logged at Information; queries (page reads, already in the request log) at Debug.
/// </summary>
public sealed class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly LogLevel HandledLevel = typeof(IBaseQuery).IsAssignableFrom(typeof(TMessage)) ? LogLevel.Debug : LogLevel.Information;
    private static readonly string Name = typeof(TMessage).DeclaringType?.Name ?? typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            if (logger.IsEnabled(HandledLevel))
            {
                logger.Log(HandledLevel, "Handled {Message} in {ElapsedMs:0.0} ms", Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (ValidationException)
        {
            logger.LogInformation("Refused {Message}: invalid input", Name);
            throw;
        }
        catch (Domain.Common.DomainException e)
        {
            logger.LogInformation("Refused {Message}: {Rule}", Name, e.Code);
            throw;
        }
        catch (Exception e) when (e is Forms.ConcurrentChangeException or DbUpdateConcurrencyException)
        {
            logger.LogInformation("Refused {Message}: the request changed meanwhile", Name);
            throw;
        }
    }
}
