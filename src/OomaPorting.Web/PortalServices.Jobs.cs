using OomaPorting.Web.Infrastructure.Health;
using OomaPorting.Web.Infrastructure.Settings;

namespace OomaPorting.Web;

/// <summary>Health probes and the background jobs that keep data within its retention.</summary>
public static partial class PortalServices
{
    /// <summary><c>/health/live</c> and <c>/health/ready</c>: the database, its migrations, the outbox's backlog, the storage's room to write.</summary>
    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddValidatedOptions<HealthOptions>(HealthOptions.Section);
        services.AddSingleton<MigrationsHealthCheck>();
        services.AddSingleton<OutboxHealthCheck>();
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [HealthResponse.ReadyTag])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [HealthResponse.ReadyTag])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [HealthResponse.ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [HealthResponse.ReadyTag]);
        services.AddSingleton<StorageHealth>();
        return services;
    }

    /// <summary>What is kept and for how long (docs/privacy.md): expired drafts purged, closed requests' personal data erased.</summary>
    public static IServiceCollection AddPortalRetention(this IServiceCollection services)
    {
        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.Section);
        services.AddSingleton<Features.PortingWizard.DraftPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.PortingWizard.DraftPurge>());
        services.AddSingleton<Features.Retention.PersonalDataRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.Retention.PersonalDataRetention>());
        return services;
    }

    /// <summary>An account's data as one archive, built in the background and offered for a few days.</summary>
    public static IServiceCollection AddPortalAccountData(this IServiceCollection services)
    {
        services.AddValidatedOptions<AccountExportOptions>(AccountExportOptions.Section);
        services.AddSingleton<Features.AccountData.AccountExportBuilder>();
        services.AddHostedService(sp => sp.GetRequiredService<Features.AccountData.AccountExportBuilder>());
        return services;
    }


    /// <summary>With telemetry on, the desk's figures as gauges (<see cref="Features.SupportDashboard.DeskGauges"/>).</summary>
    public static IServiceCollection AddPortalGauges(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.ReadValidated<TelemetryOptions>(TelemetryOptions.Section).Enabled)
        {
            services.AddSingleton<Features.SupportDashboard.DeskGauges>();
            services.AddHostedService(sp => sp.GetRequiredService<Features.SupportDashboard.DeskGauges>());
        }

        return services;
    }
}
