using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Api;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web;

/// <summary>What integrators use: the API and webhooks.</summary>
public static partial class PortalServices
{
    /// <summary>
    /// The integrators' API (<c>/api/v1</c>, docs/api.md): API-key authentication (a scheme of its own, never the
    /// pages'), the problem-details answers, the OpenAPI document and its reference page.
    /// </summary>
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddPortalOpenApi();
        services.AddSingleton<IdempotencyPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<IdempotencyPurge>());
        return services;
    }

    /// <summary>
    /// Webhooks: deliveries written with each change (beside the e-mails), sent signed by their own dispatcher through
    /// an HTTP client that connects to public addresses only (<see cref="Infrastructure.Webhooks.WebhookSender"/>).
    /// </summary>
    public static IServiceCollection AddPortalWebhooks(this IServiceCollection services)
    {
        services.AddValidatedOptions<Infrastructure.Webhooks.WebhookOptions>(Infrastructure.Webhooks.WebhookOptions.Section);
        services.AddSingleton<IChangeNotifications, Features.Webhooks.WebhookNotifications>();
        services.AddHttpClient(Infrastructure.Webhooks.WebhookSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => Infrastructure.Webhooks.WebhookSender.Handler(
                sp.GetRequiredService<IOptions<Infrastructure.Webhooks.WebhookOptions>>().Value.AllowLocalTargets))
            .RemoveAllLoggers();
        services.AddSingleton<Infrastructure.Webhooks.WebhookSecrets>();
        services.AddSingleton<Infrastructure.Webhooks.WebhookHostResolver>();
        services.AddSingleton<Infrastructure.Webhooks.WebhookSender>();
        services.AddSingleton<Infrastructure.Webhooks.WebhookProcessor>();
        services.AddHostedService<Infrastructure.Webhooks.WebhookDispatcher>();
        return services;
    }
}
