using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// Examples of the API's request bodies in the OpenAPI document, by operation (method and route), as docs/api.md shows
/// them: what a reference page or a client generator offers to try first.
/// </summary>
public sealed class ApiExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["POST api/v1/port-requests"] = """
            {
              "numberType": "fixed",
              "carrier": { "code": "F0" },
              "carrierAccount": { "accountNumber": "FT-123456", "internet": "fibre" },
              "numbers": [ { "number": "01 45 00 00 00", "rio": "F0X1A2B3CE2F" } ],
              "range": { "from": "01 45 00 00 01", "to": "01 45 00 00 99" },
              "holder": { "firstName": "Marie", "lastName": "Martin", "companyName": "Boulangerie Martin SARL", "siret": "443 512 098 00015" },
              "address": { "street": "8 rue des Boulangers", "postalCode": "75005", "city": "Paris" }
            }
            """,
        ["POST api/v1/port-requests/{id}/draft"] = """
            { "carrierAccount": { "accountNumber": "FT-123456", "internet": "adslVdsl", "sharedLine": "no" } }
            """,
        ["POST api/v1/port-requests/{id}/submit"] = """
            {
              "mainNumber": "+33145000000", "keepTemporaryNumber": false, "acceptTerms": true,
              "signer": { "name": "Marie Martin", "capacity": "manager", "authorised": true, "email": "admin@boulangerie-martin.test" }
            }
            """,
        ["POST api/v1/port-requests/{id}/submit/confirm"] = """{ "code": "483920" }""",
        ["POST api/v1/port-requests/{id}/cancel"] = """{ "reason": "Projet abandonné" }""",
        ["POST api/v1/port-requests/{id}/messages"] = """{ "body": "Pouvez-vous avancer la date ?" }""",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var route = System.Text.RegularExpressions.Regex.Replace(context.Description.RelativePath ?? string.Empty, @"\{(\w+)(:[^}]*)?\}", "{$1}");
        if (Bodies.TryGetValue($"{context.Description.HttpMethod} {route}", out var body)
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var media) == true)
        {
            media.Example = JsonNode.Parse(body);
        }

        return Task.CompletedTask;
    }
}
