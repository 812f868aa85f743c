using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Microsoft.Extensions.Options;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Settings;
using Scalar.AspNetCore;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// The API's description: the OpenAPI 3.1 document the framework generates from the API controllers
/// (<c>/api/v1/openapi.json</c>) and a readable reference page (<c>/api/v1/reference</c>, Scalar, its script served by
/// the portal itself, no CDN). Both are public: they describe the API, never an account's data.
/// </summary>
public static class ApiReference
{
    public const string DocumentPath = "/api/v1/openapi.json";
    public const string ReferencePath = "/api/v1/reference";

    /// <summary>
    /// The reference page's policy: the portal's own, with its script tags allowed by the per-response nonce Scalar
    /// writes on them, and inline styles (the viewer sets style attributes). Nothing is loaded from elsewhere.
    /// </summary>
    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; worker-src 'self' blob:";

    /// <summary>The reference page's policy when <paramref name="context"/> is that page (Scalar left its nonce), else null.</summary>
    public static string? ContentSecurityPolicyFor(HttpContext context) =>
        context?.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var value) == true && value is string nonce
            ? ContentSecurityPolicy(nonce)
            : null;

    /// <summary>
    /// Text colours of the reference viewer darkened to 4.5:1 or more on its light background (Scalar's grey texts were
    /// 3.2 to 3.9:1), through the viewer's own theme variables.
    /// </summary>
    private const string ReadableColours =
        ":root, body, .light-mode, .scalar-app, .scalar-api-reference { "
        + "--scalar-color-1: #1b1b1b !important; --scalar-color-2: #4a4a4a !important; --scalar-color-3: #595959 !important; "
        + "--scalar-color-ghost: #595959 !important; --scalar-color-disabled: #595959 !important; --scalar-color-accent: #0b5cad !important; "
        + "--scalar-color-green: #1f6f36 !important; --scalar-color-red: #b3261e !important; --scalar-color-yellow: #6b4f00 !important; "
        + "--scalar-color-blue: #0b5cad !important; --scalar-color-orange: #8a4200 !important; --scalar-color-purple: #6a3fb5 !important; }";

    /// <summary>
    /// Scalar's page does not say its language: the reference page is marked English (the document's language), so
    /// screen readers read it right. The page is a few hundred bytes, rewritten in memory; its scripts and icon pass as they are.
    /// </summary>
    public static async Task DeclareLanguage(HttpContext context, RequestDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!context.Request.Path.StartsWithSegments(ReferencePath, StringComparison.Ordinal) || Path.HasExtension(context.Request.Path.Value))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var bytes = buffer.ToArray();
        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(bytes).Replace("<html>", "<html lang=\"en\">", StringComparison.Ordinal));
            context.Response.ContentLength = bytes.Length;
        }

        await original.WriteAsync(bytes, context.RequestAborted);
    }

    public static IServiceCollection AddPortalOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi("v1", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddOperationTransformer<ApiExamples>();
            o.AddOperationTransformer<ApiCommonResponses>();
            o.AddSchemaTransformer<ApiSchemaRules>();
            o.AddDocumentTransformer((document, context, _) =>
            {
                // The portal's public address (the one every e-mail links to) and the desk's mailbox: the request's own
                // host is not written, so every portal behind one address describes itself the same way.
                var portalUrl = context.ApplicationServices.GetRequiredService<IOptions<EmailOptions>>().Value.PortalUrl.TrimEnd('/');
                var support = context.ApplicationServices.GetRequiredService<IOptions<SupportContactOptions>>().Value;
                document.Info = new OpenApiInfo
                {
                    Title = "OomaPorting API",
                    Version = "v1",
                    Description = "Port French numbers to Ooma Office from your own tools: the same requests, rules and messages as the portal's "
                        + "pages. Authenticate with an API key (Authorization: Bearer ooma_…) made by an account admin on the portal's "
                        + "\"Intégrations\" page. Errors are RFC 9457 problem details with a stable code; send Accept-Language: en for English.",
                    Contact = new OpenApiContact { Name = "Ooma Office support", Email = support.Email },
                };
                document.Servers = [new OpenApiServer { Url = portalUrl, Description = "This portal." }];
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    ["apiKey"] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        BearerFormat = "ooma_<prefix>_<secret>",
                        Description = "An API key of the account, read-only or read-write.",
                    },
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApiReference(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(DocumentPath).AllowAnonymous().ExcludeFromDescription();

        // Any other address under /api: problem details (404), never the sign-in page a private page would redirect to.
        endpoints.Map("/api/{**rest}", context => ApiProblems.WriteAsync(context, StatusCodes.Status404NotFound, "Api.NotFound"))
            .AllowAnonymous().ExcludeFromDescription();
        endpoints.MapScalarApiReference(ReferencePath, o => o
                .WithTitle("OomaPorting API")
                .WithOpenApiRoutePattern(DocumentPath)
                .WithNonce()
                // Nothing leaves the portal: no web fonts from Scalar's servers, no telemetry, no link to Scalar's hosted client.
                .DisableDefaultFonts()
                .WithCustomCss(ReadableColours)
                .ForceLightMode()
                .DisableTelemetry()
                .DisableAgent() // "Ask AI" would send the document to Scalar's servers
                .HideClientButton()
                .HideDeveloperTools())
            .AllowAnonymous();
        return endpoints;
    }
}
