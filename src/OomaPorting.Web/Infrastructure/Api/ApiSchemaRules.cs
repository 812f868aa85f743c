using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// Corrections to the schemas the framework generates, so that they say what the API writes: an enum's values without
/// <c>null</c> (a nullable property already says <c>oneOf: [null, …]</c>, and a null in both branches breaks
/// <c>oneOf</c>); problem details require only the members every problem has (the others are left out when empty).
/// </summary>
public sealed class ApiSchemaRules : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (schema.Enum is { Count: > 0 } values && values.Any(v => v is null))
        {
            schema.Enum = [.. values.Where(v => v is not null)];
        }

        if (context.JsonTypeInfo.Type == typeof(ApiProblems.Problem))
        {
            schema.Required = new HashSet<string>(StringComparer.Ordinal) { "type", "title", "status", "code", "instance" };
        }

        return Task.CompletedTask;
    }
}
