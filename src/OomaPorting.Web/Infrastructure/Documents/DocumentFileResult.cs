using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace OomaPorting.Web.Infrastructure.Documents;

/// <summary>
/// Sends a stored document as it is read from the store: its stored type, <c>nosniff</c>, never cached, as a download
/// (<c>attachment</c>) or, for support's preview of an image, <c>inline</c> under a sandboxing policy that lets the
/// file run nothing. A document whose bytes are gone is a 404.
/// </summary>
public sealed class DocumentFileResult(SupportingDocument document, bool inline) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var store = http.RequestServices.GetRequiredService<IDocumentStore>();
        await using var chunks = store.ReadAsync(document.Id, http.RequestAborted).GetAsyncEnumerator(http.RequestAborted);
        if (!await chunks.MoveNextAsync())
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var response = http.Response;
        response.ContentType = document.ContentType;
        response.ContentLength = document.Length;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(document.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
        do
        {
            await response.Body.WriteAsync(chunks.Current, http.RequestAborted);
        }
        while (await chunks.MoveNextAsync());
    }
}
