using Microsoft.Extensions.Options;
using MimeKit;

namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>Runs the scheduled e-mails (the FOC reminders) and the outbox every few seconds, for as long as the portal runs.</summary>
public sealed class OutboxDispatcher(OutboxProcessor processor, IEnumerable<IScheduledEmails> scheduled, IOptions<EmailOptions> options, TimeProvider time,
    ILogger<OutboxDispatcher> logger) : PeriodicJob(time, logger)
{
    protected override bool Enabled => options.Value.DispatcherEnabled;

    protected override TimeSpan Period => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string Name => "The outbox dispatcher";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        foreach (var job in scheduled)
        {
            await job.EnqueueDueAsync(ct);
        }

        await processor.TakeBackFromEndedAsync(ct);
        while (await processor.DispatchDueAsync(ct) > 0)
        {
        }
    }
}
