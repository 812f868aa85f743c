namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// The methods the portal speaks, for everyone, signed in or not: GET and POST; HEAD answered as GET without a body
/// (the headers, status and redirects a GET would get); anything else 405 with <c>Allow</c>, before authentication, so
/// no method ever turns into a redirect to the sign-in page.
/// </summary>
public sealed class HttpMethodPolicy(RequestDelegate next)
{
    public const string Allowed = "GET, HEAD, POST";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsPost(method))
        {
            await next(context);
            return;
        }

        if (!HttpMethods.IsHead(method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = Allowed;
            return;
        }

        // HEAD: run the GET, keep its headers, drop its body (a server may not send one for HEAD anyway).
        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = method;
            context.Response.Body = body;
        }
    }
}
