using System.Diagnostics;
using OomaPorting.Web.Infrastructure.Telemetry;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// Logs and traces each command or query by its type name, its outcome and how long it took; never its content (it
/// may hold numbers). Commands (changes) are logged at Information; queries (page reads, already in the request log)
/// at Debug. With telemetry on, each is a span (<see cref="PortalTelemetry.Source"/>) and counts in
/// <see cref="PortalTelemetry.Commands"/> and <see cref="PortalTelemetry.CommandDuration"/>.
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
        using var activity = PortalTelemetry.Source.StartActivity(Name);
        activity?.SetTag(PortalTelemetry.CommandTag, Name);
        var outcome = "failed";
        try
        {
            var response = await next(message, cancellationToken);
            outcome = "handled";
            if (logger.IsEnabled(HandledLevel))
            {
                logger.Log(HandledLevel, "Handled {Message} in {ElapsedMs:0.0} ms", Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (ValidationException)
        {
            outcome = "invalid";
            logger.LogInformation("Refused {Message}: invalid input", Name);
            throw;
        }
        catch (Domain.Common.DomainException e)
        {
            outcome = "refused";
            activity?.SetTag("oomaporting.rule", e.Code);
            logger.LogInformation("Refused {Message}: {Rule}", Name, e.Code);
            throw;
        }
        catch (Exception e) when (e is Forms.ConcurrentChangeException or DbUpdateConcurrencyException)
        {
            outcome = "conflict";
            logger.LogInformation("Refused {Message}: the request changed meanwhile", Name);
            throw;
        }
        finally
        {
            Record(activity, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private static void Record(Activity? activity, string outcome, TimeSpan elapsed)
    {
        activity?.SetTag(PortalTelemetry.OutcomeTag, outcome);
        if (outcome == "failed")
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        var tags = new TagList { { PortalTelemetry.CommandTag, Name }, { PortalTelemetry.OutcomeTag, outcome } };
        PortalTelemetry.Commands.Add(1, tags);
        PortalTelemetry.CommandDuration.Record(elapsed.TotalSeconds, tags);
    }
}
