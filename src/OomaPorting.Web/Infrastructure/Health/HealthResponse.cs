using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OomaPorting.Web.Infrastructure.Health;

/// <summary>
/// The health endpoints, for a load balancer or an orchestrator: <c>/health/live</c> (the process answers: no check),
/// <c>/health/ready</c> (database reachable, migrations applied, e-mails leaving, room to write; 503 otherwise) and <c>/health</c>, the
/// same as ready for what already probes it. Anonymous, never cached; the answer is a status per check, nothing else.
/// </summary>
public static class HealthResponse
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync };
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/health", ready).AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), detail = e.Value.Description }),
        }, cancellationToken: context.RequestAborted);
    }
}
