using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// The running portal's endpoints, read once per test process from one real start: what the theories that cover
/// "every route" enumerate (never a hand-kept list), without a portal start of their own at each discovery.
/// </summary>
public static class PortalRoutes
{
    private static readonly Lazy<IReadOnlyList<RouteEndpoint>> Endpoints = new(() =>
    {
        using var factory = new PortalFactory();
        return [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];
    });

    public static IReadOnlyList<RouteEndpoint> All => Endpoints.Value;

    /// <summary>The route patterns (<c>/portage/{id:guid}</c>) that answer <paramref name="method"/>.</summary>
    public static IEnumerable<string> Patterns(string method) =>
        All.Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(method) == true)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'));
}
