using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Api;

/// <summary>The API's OpenAPI document describes every API endpoint and is valid; its reference page is served by the portal alone.</summary>
[Collection(ApiPortal.Name)]
public partial class OpenApiTests(SharedPortal portal)
{
    private readonly PortalFactory factory = portal.Factory;

    [Fact]
    public async Task The_document_is_valid_openapi_3_1_and_describes_every_api_endpoint()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        var read = OpenApiDocument.Parse(json, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.StartsWith("3.1", read.Diagnostic!.SpecificationVersion == OpenApiSpecVersion.OpenApi3_1 ? "3.1" : "other", StringComparison.Ordinal);
        var document = read.Document!;
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet()) ?? []);

        // Every API action the portal routes, by method and path, is in the document; nothing of the pages is.
        var actions = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null && e.RoutePattern.RawText!.StartsWith("api/v1/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Path: "/" + Constraint().Replace(e.RoutePattern.RawText!, "{$1}"))))
            .ToList();
        Assert.True(actions.Count >= 7, "too few API actions found to trust the check");
        foreach (var (method, path) in actions)
        {
            Assert.True(document.Paths.TryGetValue(path, out var item), $"{path} is not in the document");
            Assert.True(item!.Operations!.ContainsKey(HttpMethod.Parse(method)), $"{method} {path} is not in the document");
            var operation = item.Operations[HttpMethod.Parse(method)];
            Assert.False(string.IsNullOrWhiteSpace(operation.Summary), $"{method} {path} has no summary");
            Assert.Contains(operation.Responses!.Keys, k => k.StartsWith('2'));
        }

        Assert.All(document.Paths.Keys, p => Assert.StartsWith("/api/v1/", p, StringComparison.Ordinal));
        Assert.Equal("bearer", document.Components!.SecuritySchemes!["apiKey"].Scheme);

        // The bodies a first call needs come with an example (the one docs/api.md walks through).
        var create = document.Paths["/api/v1/port-requests"].Operations![HttpMethod.Post];
        Assert.Equal("fixed", create.RequestBody!.Content!["application/json"].Example!["numberType"]!.GetValue<string>());
        Assert.NotNull(document.Paths["/api/v1/port-requests/{id}/submit"].Operations![HttpMethod.Post].RequestBody!.Content!["application/json"].Example);

        // Enums are documented as the strings the API writes.
        Assert.Contains("\"focConfirmed\"", json, StringComparison.Ordinal);
        Assert.Contains("problem+json", json, StringComparison.Ordinal);
    }

    /// <summary>
    /// The create example of the OpenAPI document, which docs/api.md's walk-through shows word for word, is accepted as
    /// it stands (its RIO's key once did not match its number, so an integrator's first call was refused).
    /// </summary>
    [Fact]
    public async Task The_documents_create_example_is_the_guides_and_is_accepted_as_it_stands()
    {
        var json = await factory.CreateClient().GetStringAsync("/api/v1/openapi.json");
        var example = OpenApiDocument.Parse(json, "json").Document!.Paths["/api/v1/port-requests"].Operations![HttpMethod.Post]
            .RequestBody!.Content!["application/json"].Example!;

        // docs/api.md's curl body is the same JSON.
        var guide = await File.ReadAllTextAsync(Path.Combine(TestFolders.RepositoryRoot(), "docs", "api.md"));
        var call = guide.IndexOf("-X POST \"$OOMA/api/v1/port-requests\"", StringComparison.Ordinal);
        Assert.True(call >= 0, "docs/api.md no longer shows the create call");
        var start = guide.IndexOf("-d '", call, StringComparison.Ordinal) + 4;
        var body = guide[start..guide.IndexOf("}'", start, StringComparison.Ordinal)] + "}";
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(example, System.Text.Json.Nodes.JsonNode.Parse(body)),
            $"docs/api.md's create body differs from the document's example: {body} vs {example.ToJsonString()}");

        // A portal of its own: the example's numbers are free there.
        using var own = new PortalFactory();
        var key = await ApiClients.KeyAsync(own, "Boulangerie Martin");
        var created = await ApiClients.For(own, key).PostJsonAsync("/api/v1/port-requests", example.ToJsonString());
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Every example the document gives matches the schema beside it (the submit example once left out a member its
    /// schema required, so a generated client's first call was built from an invalid example).
    /// </summary>
    [Fact]
    public async Task Every_example_in_the_document_matches_its_schema()
    {
        var (count, problems) = (await ApiContract.OfAsync(factory)).CheckExamples();
        Assert.True(count >= 6, $"only {count} examples found: the check would prove little");
        Assert.Empty(problems);
    }

    /// <summary>
    /// docs/openapi.json, the document integrators and the linter in <c>.ci/run</c> read, is the one the portal serves:
    /// a change to the API shows in review as a change to that file. <c>OOMAPORTING_UPDATE_OPENAPI=1</c> rewrites it.
    /// </summary>
    [Fact]
    public async Task The_committed_document_is_the_one_the_portal_serves()
    {
        var served = System.Text.Json.Nodes.JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/v1/openapi.json"))!
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var path = Path.Combine(TestFolders.RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("OOMAPORTING_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        Assert.True(committed == served,
            "docs/openapi.json differs from the document the portal serves: run the API tests with OOMAPORTING_UPDATE_OPENAPI=1 and review the change.");
    }

    [Fact]
    public async Task The_reference_page_loads_its_script_from_the_portal_under_a_nonce_policy()
    {
        var client = factory.CreateClient();
        var page = await client.GetAsync("/api/v1/reference/v1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var csp = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        var nonce = Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(nonce), csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
        var scripts = Regex.Matches(html, "<script[^>]*>").Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", s, StringComparison.Ordinal));
        foreach (Match src in Regex.Matches(html, "src=\"([^\"]+)\""))
        {
            var url = src.Groups[1].Value;
            Assert.False(url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal), url);
            var asset = await client.GetAsync(new Uri(new Uri("https://portail.ooma.test/api/v1/reference/v1"), url));
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        }

        // A second load has another nonce: it is made per response.
        var again = await client.GetAsync("/api/v1/reference/v1");
        Assert.DoesNotContain(nonce, string.Join(' ', again.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
