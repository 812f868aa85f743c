using OomaPorting.Web.Infrastructure.Settings;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OomaPorting.Web.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry when <c>Telemetry:OtlpEndpoint</c> is set: traces (ASP.NET Core, EF Core, outgoing HTTP, the
/// mediator's commands, the dispatcher's sends) and metrics (request durations by route, commands, e-mails, the
/// runtime, and the desk's gauges, which the composition root adds) over OTLP. Without an endpoint nothing is registered: no
/// listener, no cost beyond a null check where the portal starts its own spans.
/// </summary>
public static class TelemetryRegistration
{
    public static IServiceCollection AddPortalTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.ReadValidated<TelemetryOptions>(TelemetryOptions.Section);
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.Section);
        if (!settings.Enabled)
        {
            return services;
        }

        var endpoint = new Uri(settings.OtlpEndpoint!.TrimEnd('/'));
        var http = settings.Protocol == "HttpProtobuf";
        void Exporter(OtlpExporterOptions o, string signal)
        {
            // Over HTTP each signal has its own path; over gRPC the collector's address is enough.
            o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            o.Endpoint = http ? new Uri(endpoint + "/v1/" + signal) : endpoint;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(settings.ServiceName))
            .WithTracing(t => t
                .AddSource(PortalTelemetry.Name)
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddOtlpExporter(o => Exporter(o, "traces")))
            .WithMetrics(m => m
                .AddMeter(PortalTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddOtlpExporter(o => Exporter(o, "metrics")));
        return services;
    }
}
