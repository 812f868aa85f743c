using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// What every operation of the API may answer besides its own results, written into the OpenAPI document from the
/// same rules the plumbing follows, so the document describes the API as served (the suite checks every answer it
/// receives against it): 401, 429 and 503 (with <c>Retry-After</c>) everywhere; on every POST the <c>Idempotency-Key</c>
/// header with its 400, 409 and 422, the <c>Idempotent-Replayed</c> header of a replay, and 403 for a read-only key;
/// 413 and 415 where a body is read; <c>If-Match</c> where a stale version is refused (412); the <c>ETag</c> of every
/// request representation, the <c>Location</c> of a creation.
/// </summary>
public sealed class ApiCommonResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var description = context.Description;
        var responses = operation.Responses ??= [];
        var problem = responses.Values.FirstOrDefault(r => r.Content?.ContainsKey(ApiProblems.ContentType) == true)?.Content;
        var id = (description.ActionDescriptor as ControllerActionDescriptor)?.ActionName;
        operation.OperationId ??= id is null ? null : char.ToLowerInvariant(id[0]) + id[1..] + ((description.ActionDescriptor as ControllerActionDescriptor)?.ControllerName.Replace("ApiController", string.Empty, StringComparison.Ordinal) ?? string.Empty);

        void Add(int status, string text)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.ContainsKey(key))
            {
                responses[key] = new OpenApiResponse { Description = text, Content = problem };
            }
        }

        Add(StatusCodes.Status401Unauthorized, "No API key, or one that is unknown, revoked, expired or of a closed account.");
        Add(StatusCodes.Status429TooManyRequests, "Too many calls this minute: wait the seconds Retry-After gives.");
        Header(responses["429"], "Retry-After", "Seconds to wait before the next call.", JsonSchemaType.Integer, required: true);
        Add(StatusCodes.Status503ServiceUnavailable, "The portal cannot use its database right now (disk full, file unreadable): nothing was saved; retry after Retry-After.");
        Header(responses["503"], "Retry-After", "Seconds to wait before retrying.", JsonSchemaType.Integer, required: true);

        var post = string.Equals(description.HttpMethod, HttpMethods.Post, StringComparison.OrdinalIgnoreCase);
        if (post)
        {
            Add(StatusCodes.Status400BadRequest, "Invalid input, or a malformed Idempotency-Key.");
            Add(StatusCodes.Status403Forbidden, "A read-only key may not write.");
            Add(StatusCodes.Status409Conflict, "A call with the same Idempotency-Key is still being handled, or was saved but its answer lost.");
            Add(StatusCodes.Status422UnprocessableEntity, "The rules refuse it now, or the Idempotency-Key was used for another request.");
            Parameter(operation, IdempotencyAttribute.Header,
                "Any value of up to 255 printable ASCII characters: a retry with the same key and body gets the first answer again (24 hours).");
            foreach (var response in responses.Where(r => r.Key is not ("401" or "429" or "503")).Select(r => r.Value))
            {
                Header(response, IdempotencyAttribute.ReplayedHeader, "true when this is the kept answer of an earlier call with the same Idempotency-Key.",
                    JsonSchemaType.Boolean, required: false);
            }
        }

        if (operation.RequestBody is not null)
        {
            Add(StatusCodes.Status413PayloadTooLarge, "The body is larger than the API accepts.");
            Add(StatusCodes.Status415UnsupportedMediaType, "The body is not of a type the operation reads.");
        }

        if (responses.ContainsKey("412"))
        {
            Parameter(operation, "If-Match", "The ETag you read: the change is made only if the request is still that version (else 412).");
            Add(StatusCodes.Status400BadRequest, "A malformed If-Match.");
        }

        // A representation that carries its version comes with that version as its ETag (PortalApiController.WithETag);
        // created, with its address too (a message, part of its request's thread, has no address of its own).
        foreach (var type in description.SupportedResponseTypes.Where(t => t.StatusCode is >= 200 and < 300
            && t.Type?.GetProperty("Version")?.PropertyType == typeof(int)))
        {
            var response = responses[type.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            Header(response, "ETag", "The request's version, to send back in If-Match.", JsonSchemaType.String, required: true);
            if (type.StatusCode == StatusCodes.Status201Created)
            {
                Header(response, "Location", "The address of the request created.", JsonSchemaType.String, required: true);
            }
        }

        return Task.CompletedTask;
    }

    private static void Header(IOpenApiResponse response, string name, string text, JsonSchemaType type, bool required)
    {
        if (response is not OpenApiResponse concrete)
        {
            return;
        }

        concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
        concrete.Headers[name] = new OpenApiHeader { Description = text, Required = required, Schema = new OpenApiSchema { Type = type } };
    }

    private static void Parameter(OpenApiOperation operation, string name, string text)
    {
        operation.Parameters ??= [];
        if (!operation.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name, In = ParameterLocation.Header, Required = false, Description = text, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}
