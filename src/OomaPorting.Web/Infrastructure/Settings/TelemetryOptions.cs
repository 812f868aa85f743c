using System.ComponentModel.DataAnnotations;

namespace OomaPorting.Web.Infrastructure.Settings;

/// <summary>
/// The <c>Telemetry</c> section: OpenTelemetry traces and metrics go over OTLP to <see cref="OtlpEndpoint"/> when it
/// is set, and nothing is collected otherwise.
/// </summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP collector, e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>…:4318</c> with <see cref="Protocol"/> <c>HttpProtobuf</c>.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    public string Protocol { get; set; } = "Grpc";

    /// <summary>The <c>service.name</c> resource attribute.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Telemetry:ServiceName must not be empty.")]
    public string ServiceName { get; set; } = "oomaporting";

    /// <summary>How often the gauges (outbox backlog, requests by status, late requests) are read from the database.</summary>
    [Range(10, 3600, ErrorMessage = "Telemetry:GaugeSeconds must be between 10 and 3600.")]
    public int GaugeSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"Telemetry:OtlpEndpoint '{OtlpEndpoint}' must be an absolute http(s) address.", [nameof(OtlpEndpoint)]);
        }

        if (Protocol is not ("Grpc" or "HttpProtobuf"))
        {
            yield return new ValidationResult($"Telemetry:Protocol '{Protocol}' is unknown: use Grpc or HttpProtobuf.", [nameof(Protocol)]);
        }
    }
}
