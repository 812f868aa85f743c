using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using System.Text.Json.Serialization;
using OomaPorting.Web.Infrastructure.Validation;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// Every refusal of the API as RFC 9457 problem details (<c>application/problem+json</c>): <c>status</c>, a stable
/// <c>code</c> (the domain's, or <c>Api.*</c>), a <c>title</c> in the caller's language (<c>Accept-Language</c>, French
/// by default), and for invalid input the <c>errors</c>, one per field with its code and message.
/// </summary>
public static class ApiProblems
{
    public const string ContentType = "application/problem+json";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <param name="Field">The field as the API names it (camelCase), empty for the request as a whole.</param>
    public sealed record FieldError(string Field, string Code, string Message);

    public sealed record Problem(string Type, string Title, int Status, string Code, string? Detail, string? Instance,
        IReadOnlyList<FieldError>? Errors, string? TraceId);

    /// <summary>The problem for <paramref name="code"/>: its title is the resource <c>Error.{code}</c> (the same text the pages show).</summary>
    public static Problem For(HttpContext context, int status, string code, IReadOnlyList<FieldError>? errors = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return new Problem("https://oomaporting.fr/problems/" + code, ModelStateExtensions.DomainMessage(text, code), status, code, detail,
            context.Request.Path, errors, context.TraceIdentifier);
    }

    /// <summary>Refused input: every failure at its field (camelCase), with its code and translated message.</summary>
    public static Problem Invalid(HttpContext context, IEnumerable<FluentValidation.Results.ValidationFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var errors = failures.Select(f => new FieldError(FieldName(f.PropertyName), DomainRuleExtensions.CodeOf(f), f.ErrorMessage)).ToList();
        return For(context, StatusCodes.Status400BadRequest, "Api.Invalid", errors);
    }

    /// <summary>
    /// A body or query the API could not read (malformed JSON, a wrong type, an unknown field): 400 naming each field
    /// (<c>$.lines[2].number</c> → <c>lines[2].number</c>) with <c>Api.Malformed</c>, never the parser's own words.
    /// </summary>
    public static IActionResult FromModelState(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ModelState.Values.SelectMany(v => v.Errors).Any(e => e.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }))
        {
            // The body passed the size limit while it was read: say so, not "malformed".
            var tooLarge = For(context.HttpContext, StatusCodes.Status413PayloadTooLarge, "Api.TooLarge");
            return new ObjectResult(tooLarge) { StatusCode = tooLarge.Status, ContentTypes = { ContentType } };
        }

        var text = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var message = ModelStateExtensions.DomainMessage(text, "Api.Malformed");
        var errors = context.ModelState.Where(e => e.Value?.Errors.Count > 0)
            .Select(e => new FieldError(FieldName(e.Key.TrimStart('$').TrimStart('.')), "Api.Malformed", message))
            .DistinctBy(e => e.Field).Take(50).ToList();
        var problem = For(context.HttpContext, StatusCodes.Status400BadRequest, "Api.Malformed", errors);
        return new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { ContentType } };
    }

    public static async Task WriteAsync(HttpContext context, int status, string code, IReadOnlyList<FieldError>? errors = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await JsonSerializer.SerializeAsync(context.Response.Body, For(context, status, code, errors, detail), Json, context.RequestAborted);
    }

    /// <summary><c>Lines[3].Number</c> → <c>lines[3].number</c>: the names the API's JSON uses.</summary>
    public static string FieldName(string? property)
    {
        if (string.IsNullOrEmpty(property))
        {
            return string.Empty;
        }

        return string.Join('.', property.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
    }

    /// <summary>Whether <paramref name="context"/> is a call to the API (answered with JSON, never with a page).</summary>
    public static bool IsApi(HttpContext context) =>
        context?.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) == true;
}
