using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the API's POSTs: the first call with a key is handled and its answer kept (24 hours); a
/// retry with the same key and the same request gets that answer again (<c>Idempotent-Replayed: true</c>) and changes
/// nothing; the same key with another request is refused (422), as is a retry while the first is still running (409).
/// A failure of the portal (5xx) before anything was saved keeps nothing, so the retry runs afresh. Keys belong to the
/// API key that sent them.
/// A claim left without an answer for <see cref="AbandonedAfter"/> (the process died mid-call), or at once when its
/// process was one of this machine that has ended (<see cref="ClaimHolder"/>: killed, then restarted), is taken over: the retry
/// runs afresh when the first call saved nothing, and is told 409 <c>Api.IdempotencyAnswerLost</c> when it saved its
/// changes but its answer was lost (read the resource rather than do it twice); the claim carries that fact, written in
/// the same save as the call's changes. A call answered with a failure after its changes were saved is kept the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class IdempotencyAttribute : Attribute, IAsyncResourceFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(24);

    /// <summary><see cref="IdempotencyRecord.StatusCode"/> of a call whose changes were saved but whose answer was a failure.</summary>
    public const int AnswerLost = -1;

    /// <summary>A call still without an answer after this is taken for dead (an API call takes seconds at most).</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(60);

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
        var record = new IdempotencyRecord { Id = Guid.NewGuid(), ApiKeyId = apiKeyId, Key = key, RequestHash = hash, CreatedAtUtc = now, ClaimedBy = ClaimHolder.Current };
        for (var attempt = 0; !await ClaimAsync(db, record, http.RequestAborted); attempt++)
        {
            var first = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, http.RequestAborted);
            var abandoned = first is { StatusCode: 0 } && (now - first.CreatedAtUtc > AbandonedAfter || first.ClaimedBy is { } holder && ClaimHolder.HasEnded(holder));
            if (first is { StatusCode: 0, SavedAtUtc: null } && abandoned && attempt == 0
                && CryptographicOperations.FixedTimeEquals(first.RequestHash, hash))
            {
                // A dead call that saved nothing: its claim goes, and this call takes the key.
                await db.IdempotencyRecords.Where(r => r.Id == first.Id && r.StatusCode == 0 && r.SavedAtUtc == null).ExecuteDeleteAsync(http.RequestAborted);
                continue;
            }

            context.Result = first switch
            {
                null => Problem(http, StatusCodes.Status409Conflict, "Api.IdempotencyInProgress"),
                _ when !CryptographicOperations.FixedTimeEquals(first.RequestHash, hash) => Problem(http, StatusCodes.Status422UnprocessableEntity, "Api.IdempotencyKeyReused"),
                { StatusCode: AnswerLost } => Problem(http, StatusCodes.Status409Conflict, "Api.IdempotencyAnswerLost"),
                { StatusCode: 0, SavedAtUtc: not null } when abandoned => Problem(http, StatusCodes.Status409Conflict, "Api.IdempotencyAnswerLost"),
                { StatusCode: 0 } => Problem(http, StatusCodes.Status409Conflict, "Api.IdempotencyInProgress"),
                _ => Replay(http, first),
            };
            return;
        }

        // The claim rides along with the call's own save: SavedAtUtc is written in the same transaction as its changes.
        db.IdempotencyRecords.Attach(record);
        record.SavedAtUtc = now;

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
                    record.SavedAtUtc = await db.IdempotencyRecords.Where(r => r.Id == record.Id).Select(r => r.SavedAtUtc).FirstOrDefaultAsync(CancellationToken.None);
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
                // A failure that saved nothing frees the key for the retry. One that came after the call's changes were
                // saved (a fault on the way out) keeps the key as "saved, answer lost": a retry must not do it twice.
                db.ChangeTracker.Clear();
                if (await db.IdempotencyRecords.AnyAsync(r => r.Id == record.Id && r.SavedAtUtc != null, CancellationToken.None))
                {
                    await db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.StatusCode, AnswerLost), CancellationToken.None);
                }
                else
                {
                    await db.IdempotencyRecords.Where(r => r.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);
                }
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
