using Microsoft.Extensions.Options;
using MimeKit;

namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>Runs the scheduled e-mails (the FOC reminders) and the outbox every few seconds, for as long as the portal runs.</summary>
public sealed class OutboxDispatcher(OutboxProcessor processor, IEnumerable<IScheduledEmails> scheduled, IOptions<EmailOptions> options, TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.DispatcherEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var job in scheduled)
                {
                    await job.EnqueueDueAsync(stoppingToken);
                }

                while (await processor.DispatchDueAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The outbox dispatcher failed; it tries again at the next tick");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
