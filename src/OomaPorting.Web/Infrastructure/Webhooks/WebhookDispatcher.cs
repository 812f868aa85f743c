using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Infrastructure.Webhooks;

/// <summary>Runs the webhook deliveries every few seconds, apart from the e-mails, so a slow endpoint never delays an e-mail.</summary>
public sealed class WebhookDispatcher(WebhookProcessor processor, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDispatcher> logger)
    : PeriodicJob(time, logger)
{
    protected override bool Enabled => options.Value.DispatcherEnabled;

    protected override TimeSpan Period => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override string Name => "The webhook dispatcher";

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        await processor.TakeBackFromEndedAsync(ct);
        while (await processor.DispatchDueAsync(ct) > 0)
        {
        }
    }
}
