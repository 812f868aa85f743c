using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// The API's own OpenAPI document, read once per test run from a portal, and every API answer a test receives checked
/// against it (<see cref="Handler"/> sits in every API client of the suite): the operation exists, the status is one it
/// declares, the content type is declared, the body is valid against the declared schema (JSON Schema 2020-12, formats
/// such as <c>date-time</c> enforced), and the headers the API promises (ETag, Location, Retry-After) are declared where
/// they are sent. An answer outside the contract fails the test that received it, naming what differs.
/// </summary>
public sealed class ApiContract
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ApiContract>>> Loaded = new();

    /// <summary>Headers whose presence is part of the contract: sent only where the document declares them.</summary>
    private static readonly string[] ContractHeaders = ["ETag", "Location", "Retry-After"];

    private readonly JsonObject _document;
    private readonly List<(string Template, string[] Segments, JsonObject Item)> _paths;
    private readonly string _definitions;
    private readonly ConcurrentDictionary<string, Lazy<JsonSchema>> _schemas = new();

    private ApiContract(JsonObject document)
    {
        _document = document;
        _paths = [.. ((JsonObject)document["paths"]!).Select(p => (p.Key, p.Key.Trim('/').Split('/'), (JsonObject)p.Value!))];
        _definitions = (document["components"]?["schemas"] ?? new JsonObject()).ToJsonString()
            .Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
    }

    /// <summary>The document the portal serves (one read per run: it is generated from the code, the same for every portal).</summary>
    public static Task<ApiContract> OfAsync(PortalFactory factory) =>
        Loaded.GetOrAdd("v1", _ => new Lazy<Task<ApiContract>>(async () =>
        {
            using var client = factory.CreateClient();
            var json = await client.GetStringAsync("/api/v1/openapi.json");
            return new ApiContract((JsonObject)JsonNode.Parse(json)!);
        })).Value;

    /// <summary>Every problem with <paramref name="response"/> to <paramref name="method"/> <paramref name="path"/> (empty: it is as documented).</summary>
    public async Task<IReadOnlyList<string>> CheckAsync(string method, string path, HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var problems = new List<string>();
        var status = (int)response.StatusCode;
        var operation = Operation(method, path, out var template);
        if (operation is null)
        {
            // An address the API does not have: a 404 or 405 problem is the contract's answer to it.
            if (status is 404 or 405 && IsProblem(response))
            {
                return problems;
            }

            problems.Add($"{method} {path} is not an operation of the document (answered {status}).");
            return problems;
        }

        var responses = (JsonObject?)operation["responses"] ?? [];
        var key = responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)) ? status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : responses.ContainsKey($"{status / 100}XX") ? $"{status / 100}XX"
            : responses.ContainsKey("default") ? "default" : null;
        var where = $"{method} {template} → {status}";
        if (key is null)
        {
            problems.Add($"{where}: the status is not declared (declared: {string.Join(", ", responses.Select(r => r.Key))}).");
            return problems;
        }

        var declared = (JsonObject)Resolve(responses[key]!);
        foreach (var header in ContractHeaders)
        {
            var sent = Has(response, header);
            var documented = declared["headers"] is JsonObject headers && headers.Any(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase));
            if (sent && !documented)
            {
                problems.Add($"{where}: sends the header {header}, which the document does not declare.");
            }
        }

        if (declared["headers"] is JsonObject promised)
        {
            foreach (var (name, value) in promised)
            {
                if (Resolve(value!)["required"]?.GetValue<bool>() == true && !Has(response, name))
                {
                    problems.Add($"{where}: the required header {name} is missing.");
                }
            }
        }

        var body = await response.Content.ReadAsByteArrayAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var content = declared["content"] as JsonObject;
        if (body.Length == 0)
        {
            if (content is { Count: > 0 } && method != "HEAD" && status != 304)
            {
                problems.Add($"{where}: the body is empty where the document declares {string.Join(", ", content.Select(c => c.Key))}.");
            }

            return problems;
        }

        if (content is null || content.Count == 0)
        {
            problems.Add($"{where}: a body ({mediaType}) is sent where the document declares none.");
            return problems;
        }

        var media = content.FirstOrDefault(c => string.Equals(c.Key, mediaType, StringComparison.OrdinalIgnoreCase) || c.Key == "*/*");
        if (media.Value is null)
        {
            problems.Add($"{where}: the content type {mediaType} is not declared (declared: {string.Join(", ", content.Select(c => c.Key))}).");
            return problems;
        }

        if (media.Value["schema"] is not JsonNode schemaNode || mediaType?.EndsWith("json", StringComparison.Ordinal) != true)
        {
            return problems;
        }

        JsonElement instance;
        try
        {
            instance = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException e)
        {
            problems.Add($"{where}: the body is not JSON ({e.Message}).");
            return problems;
        }

        // Built once per response (a schema registers its $id: two threads must not build the same one).
        var schema = _schemas.GetOrAdd($"{method} {template} {key} {media.Key}", id => new Lazy<JsonSchema>(() => Build(id, schemaNode))).Value;
        var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true });
        if (!result.IsValid)
        {
            problems.Add($"{where}: the body does not match the declared schema: {string.Join("; ", Failures(result).Distinct().Take(8))}");
        }

        return problems;
    }

    /// <summary>
    /// Every example the document gives (request and response bodies, by media type) checked against the schema beside
    /// it: an example a client generator or a reference page offers must be one the API accepts or writes.
    /// </summary>
    public (int Checked, IReadOnlyList<string> Problems) CheckExamples()
    {
        var problems = new List<string>();
        var count = 0;
        foreach (var (template, _, item) in _paths)
        {
            foreach (var (method, node) in item)
            {
                if (node is not JsonObject operation || operation["responses"] is null)
                {
                    continue;
                }

                var bodies = new List<(string Where, JsonNode? Content)> { ($"{method.ToUpperInvariant()} {template} request", operation["requestBody"] is { } body ? Resolve(body)["content"] : null) };
                bodies.AddRange(((JsonObject)operation["responses"]!).Select(r => ($"{method.ToUpperInvariant()} {template} → {r.Key}", Resolve(r.Value!)["content"])));
                foreach (var (where, content) in bodies)
                {
                    foreach (var (mediaType, media) in (content as JsonObject) ?? [])
                    {
                        if (media?["example"] is not { } example || media["schema"] is not { } schemaNode)
                        {
                            continue;
                        }

                        count++;
                        var schema = _schemas.GetOrAdd($"example {where} {mediaType}", id => new Lazy<JsonSchema>(() => Build(id, schemaNode))).Value;
                        var result = schema.Evaluate(JsonDocument.Parse(example.ToJsonString()).RootElement,
                            new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true });
                        if (!result.IsValid)
                        {
                            problems.Add($"{where} ({mediaType}): the example does not match its schema: {string.Join("; ", Failures(result).Distinct().Take(8))}");
                        }
                    }
                }
            }
        }

        return (count, problems);
    }

    /// <summary>The innermost failures of an evaluation: an invalid node whose own parts are all valid says what is wrong.</summary>
    private static IEnumerable<string> Failures(EvaluationResults result)
    {
        var invalid = (result.Details ?? []).Where(d => !d.IsValid).ToList();
        if (invalid.Count == 0)
        {
            foreach (var error in result.Errors ?? new Dictionary<string, string>())
            {
                yield return $"{result.InstanceLocation} ({result.EvaluationPath}): {error.Value}";
            }

            yield break;
        }

        foreach (var failure in invalid.SelectMany(Failures))
        {
            yield return failure;
        }
    }

    /// <summary>The operation of <paramref name="method"/> on <paramref name="path"/>: the template with most literal segments that matches.</summary>
    private JsonObject? Operation(string method, string path, out string template)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        var best = _paths
            .Where(p => p.Segments.Length == segments.Length
                && p.Segments.Zip(segments).All(s => s.First.StartsWith('{') || string.Equals(s.First, s.Second, StringComparison.Ordinal))
                && p.Item[method.ToLowerInvariant()] is JsonObject)
            .OrderByDescending(p => p.Segments.Count(s => !s.StartsWith('{')))
            .FirstOrDefault();
        template = best.Template ?? path;
        return best.Item?[method.ToLowerInvariant()] as JsonObject;
    }

    /// <summary>A response or header given by reference (<c>#/components/responses/…</c>): the object it names.</summary>
    private JsonNode Resolve(JsonNode node)
    {
        while (node is JsonObject o && o["$ref"]?.GetValue<string>() is { } reference)
        {
            node = reference.TrimStart('#').Trim('/').Split('/').Aggregate<string, JsonNode?>(_document, (n, part) => n?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)])
                ?? throw new InvalidOperationException($"The document's reference {reference} leads nowhere.");
        }

        return node;
    }

    private JsonSchema Build(string id, JsonNode schema)
    {
        var text = $$"""
            {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://contract.oomaporting.test/{{Uri.EscapeDataString(id)}}",
             "$defs":{{_definitions}},
             "allOf":[{{schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)}}]}
            """;
        return JsonSchema.FromText(text);
    }

    private static bool Has(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out _) || response.Content.Headers.TryGetValues(header, out _);

    private static bool IsProblem(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json";

    /// <summary>Checks every answer to a call under <c>/api/v1/</c> (the document and the reference page aside) and fails the call that breaks the contract.</summary>
    public sealed class Handler(PortalFactory factory) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            var response = await base.SendAsync(request, cancellationToken);
            var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
            if (!path.StartsWith("/api/v1/", StringComparison.Ordinal) || path.StartsWith("/api/v1/reference", StringComparison.Ordinal)
                || path == "/api/v1/openapi.json")
            {
                return response;
            }

            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var problems = await (await OfAsync(factory)).CheckAsync(request.Method.Method, path, response);
            if (problems.Count > 0)
            {
                throw new ContractBrokenException($"The answer breaks the API's OpenAPI document:{Environment.NewLine}  "
                    + string.Join(Environment.NewLine + "  ", problems));
            }

            return response;
        }
    }
}

/// <summary>An API answer the OpenAPI document does not describe.</summary>
public sealed class ContractBrokenException(string message) : Exception(message);
