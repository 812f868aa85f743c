using System.Globalization;
using System.Net;

namespace OomaPorting.Web.Features.Errors;

/// <summary>Pages written where no view can run (the rate limiter answers before MVC).</summary>
public static class ErrorPages
{
    public static async Task WriteTooManyRequestsAsync(HttpContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var (lang, title, body, back) = english
            ? ("en", "Too many attempts", "Too many requests came from your connection. Wait a minute, then try again.", "Back to the home page")
            : ("fr", "Trop de tentatives", "Trop de demandes sont venues de votre accès internet. Patientez une minute, puis réessayez.", "Retour à l'accueil");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{WebUtility.HtmlEncode(title)} - Ooma Office Manager</title><link rel="stylesheet" href="/lib/bootstrap/bootstrap.min.css"><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container py-5" id="contenu"><h1>{WebUtility.HtmlEncode(title)}</h1><p class="lead">{WebUtility.HtmlEncode(body)}</p>
            <p><a href="/">{WebUtility.HtmlEncode(back)}</a></p></main></body></html>
            """, ct);
    }
}
