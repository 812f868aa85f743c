using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POSTs: the first call with a key is handled and its answer kept (24 hours); a
/// retry with the same key and the same request gets that answer again (<c>Idempotent-Replayed: true</c>) and changes
/// nothing; the same key with another request is refused (422), as is a retry while the first is still running (409).
/// A failure of the portal (5xx) keeps nothing, so the retry runs afresh. Keys belong to the API key that sent them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class IdempotencyAttribute : Attribute, IAsyncResourceFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(http.Request.Method) || key.Length == 0)
        {
            await next();
            return;
        }

        if (key.Length > IdempotencyRecord.MaxKeyLength || key.Any(c => c is < '!' or > '~') || http.Request.Headers[Header].Count > 1)
        {
            context.Result = Problem(http, StatusCodes.Status400BadRequest, "Api.IdempotencyKey");
            return;
        }

        var apiKeyId = http.RequestServices.GetRequiredService<ICurrentActor>().ApiKeyId ?? throw new InvalidOperationException("No API key.");
        var hash = await RequestHashAsync(http);
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var record = new IdempotencyRecord { Id = Guid.NewGuid(), ApiKeyId = apiKeyId, Key = key, RequestHash = hash, CreatedAtUtc = now };
        if (!await ClaimAsync(db, record, http.RequestAborted))
        {
            var first = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, http.RequestAborted);
            context.Result = first switch
            {
                null => Problem(http, StatusCodes.Status409Conflict, "Api.IdempotencyInProgress"),
                _ when !CryptographicOperations.FixedTimeEquals(first.RequestHash, hash) => Problem(http, StatusCodes.Status422UnprocessableEntity, "Api.IdempotencyKeyReused"),
                { StatusCode: 0 } => Problem(http, StatusCodes.Status409Conflict, "Api.IdempotencyInProgress"),
                _ => Replay(http, first),
            };
            return;
        }

        // Handle the call, keeping a copy of what it answers.
        var original = http.Response.Body;
        await using var copy = new MemoryStream();
        http.Response.Body = copy;
        var kept = false;
        try
        {
            var executed = await next();
            if (executed.Exception is null || executed.ExceptionHandled)
            {
                var status = http.Response.StatusCode;
                if (status < 500)
                {
                    record.StatusCode = status;
                    record.ContentType = http.Response.ContentType;
                    record.Location = http.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
                    record.ETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null;
                    record.Body = copy.ToArray();
                    db.ChangeTracker.Clear();
                    db.IdempotencyRecords.Update(record);
                    await db.SaveChangesAsync(CancellationToken.None);
                    kept = true;
                }
            }
        }
        finally
        {
            http.Response.Body = original;
            if (copy.Length > 0)
            {
                copy.Position = 0;
                await copy.CopyToAsync(original, CancellationToken.None);
            }

            if (!kept)
            {
                // A failure keeps nothing: the key is free for the retry.
                await db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>Stores the key as taken (answer to come); false when another call already holds it.</summary>
    private static async Task<bool> ClaimAsync(AppDbContext db, IdempotencyRecord record, CancellationToken ct)
    {
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (!DatabaseFault.IsUnavailable(e))
        {
            // The unique key refused it: another call holds the key. (A database that cannot write is not that: it
            // reaches the error handler, 503, and the key stays free.)
            db.ChangeTracker.Clear();
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static async Task<byte[]> RequestHashAsync(HttpContext http)
    {
        http.Request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(http.Request.Method + " " + http.Request.Path + "\n"));
        var buffer = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            sha.AppendData(buffer, 0, read);
        }

        http.Request.Body.Position = 0;
        return sha.GetHashAndReset();
    }

    private static StoredAnswer Replay(HttpContext http, IdempotencyRecord first)
    {
        http.Response.Headers[ReplayedHeader] = "true";
        if (first.Location is not null)
        {
            http.Response.Headers.Location = first.Location;
        }

        if (first.ETag is not null)
        {
            http.Response.Headers.ETag = first.ETag;
        }

        return new StoredAnswer(first.StatusCode, first.ContentType, first.Body ?? []);
    }

    private static ObjectResult Problem(HttpContext http, int status, string code)
    {
        var problem = ApiProblems.For(http, status, code);
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { ApiProblems.ContentType } };
    }

    /// <summary>The first call's answer sent again: its status, type and body as they were.</summary>
    private sealed class StoredAnswer(int status, string? contentType, byte[] body) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var response = context.HttpContext.Response;
            response.StatusCode = status;
            if (contentType is not null)
            {
                response.ContentType = contentType;
            }

            return body.Length == 0 ? Task.CompletedTask : response.Body.WriteAsync(body, context.HttpContext.RequestAborted).AsTask();
        }
    }
}
