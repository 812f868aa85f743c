using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using OomaPorting.Web.Data;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>A browser-like client: keeps cookies, reads the antiforgery token from the page it posts from.</summary>
public static partial class PortalClient
{
    private static readonly HtmlParser Parser = new();

    private static readonly Uri BaseAddress = new("https://portail.ooma.test");
    private static readonly ConditionalWeakTable<HttpClient, CookieContainer> Jars = new();

    /// <summary>A client that keeps cookies (readable through <see cref="Cookie"/>) and never follows redirects.</summary>
    public static HttpClient Anonymous(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var handler = new CookieContainerHandler();
        var client = factory.CreateDefaultClient(BaseAddress, new ApiContract.Handler(factory), handler);
        Jars.Add(client, handler.Container);
        return client;
    }

    /// <summary>The "name=value" of a cookie the client holds, as a browser would send it back.</summary>
    public static string Cookie(HttpClient client, string name) =>
        Jars.TryGetValue(client, out var jar) && jar.GetCookies(BaseAddress)[name] is { } c
            ? $"{c.Name}={c.Value}"
            : throw new InvalidOperationException($"The client holds no cookie {name}.");

    private static readonly ConditionalWeakTable<PortalFactory, Dictionary<string, string>> TwoFactorSessions = new();

    /// <summary>
    /// A client signed in as <paramref name="email"/>. A user with two-factor sign-in gives their app's code; as each
    /// code works once, later clients for the same person on the same portal share that first session (as tabs of one
    /// browser do) while it is still open, instead of waiting for the next code.
    /// </summary>
    public static async Task<HttpClient> SignedInAsync(PortalFactory factory, string email, string password = DemoData.Password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var sessions = TwoFactorSessions.GetOrCreateValue(factory);
        string? shared;
        lock (sessions)
        {
            sessions.TryGetValue(email, out shared);
        }

        if (shared is not null)
        {
            var reused = Anonymous(factory);
            Jars.TryGetValue(reused, out var jar);
            jar!.Add(BaseAddress, new System.Net.Cookie(SessionCookie, shared) { Secure = true, HttpOnly = true, Path = "/" });
            var probe = await reused.GetAsync("/mon-compte");
            if (probe.StatusCode == HttpStatusCode.OK)
            {
                return reused;
            }
        }

        var client = Anonymous(factory);
        var response = await SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location?.OriginalString.StartsWith("/compte/connexion/code", StringComparison.Ordinal) == true)
        {
            var code = await Authenticator.NextCodeAsync(factory.Services, email);
            response = await (await HtmlForm.FromAsync(client, await client.GetAsync("/compte/connexion/code"), "Valider")).Fill("Code", code).SubmitAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"The code step refused {email}: {(int)response.StatusCode}");
            lock (sessions)
            {
                sessions[email] = Cookie(client, SessionCookie)[(SessionCookie.Length + 1)..];
            }
        }

        return client;
    }

    public const string SessionCookie = "ooma.session";

    /// <summary>Types the address and password into the sign-in page's form and submits it, as a person would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await (await HtmlForm.FromAsync(client, await client.GetAsync("/compte/connexion"), "Se connecter"))
            .Fill("Adresse e-mail", email).Fill("Mot de passe", password).SubmitAsync("Se connecter");

    /// <summary>The antiforgery token of a page, as a browser holds it before the user clicks.</summary>
    public static async Task<string> TokenAsync(HttpClient client, string formPage)
    {
        var page = await client.GetAsync(formPage);
        var token = Token().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, $"No antiforgery token on {formPage} ({(int)page.StatusCode}).");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string action, string token, IDictionary<string, string> fields) =>
        client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));

    /// <summary>
    /// What a person does on <paramref name="formPage"/>: takes the form that posts to <paramref name="action"/>, sets
    /// <paramref name="fields"/> by their names (a name the form lacks, or a value a list or a choice does not offer,
    /// fails the test) and submits exactly what the browser would (<see cref="HtmlForm"/>).
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var form = await HtmlForm.ForActionAsync(client, formPage, action);

        // Rows the page does not show yet (a second number): added first with the form's own "add" button, as a person does.
        bool Missing(KeyValuePair<string, string> f) => !form.Has(f.Key) || (f.Key == "action" && !form.HasButton("action", f.Value));
        for (var added = 0; fields.Any(Missing) && form.HasButton("action", "ajouter") && added < 100; added++)
        {
            var grown = await form.SetAll(fields.Where(f => !Missing(f) && f.Key != "action")).Set("action", "ajouter").SubmitAsync();
            form = await HtmlForm.ForActionAsync(client, grown, action);
        }

        return await form.SetAll(fields).SubmitAsync();
    }

    /// <summary>
    /// An attack, not a person: posts <paramref name="fields"/> as built by the test to <paramref name="action"/>, with
    /// the antiforgery token (and the hidden version, unless given) of <paramref name="tokenPage"/>. For tests that send
    /// what no rendered form would (hostile values, forged or stale posts, other people's resources).
    /// </summary>
    public static async Task<HttpResponseMessage> PostForgedAsync(HttpClient client, string tokenPage, string action, IDictionary<string, string> fields)
    {
        var page = await client.GetAsync(tokenPage);
        var html = await page.Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {tokenPage} ({(int)page.StatusCode}).");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        if (!form.ContainsKey("Version") && Version().Match(html) is { Success: true } version)
        {
            form["Version"] = version.Groups[1].Value;
        }

        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>As <see cref="PostFormAsync"/>, as a multipart form with one file field (the way a browser sends a form with a file input).</summary>
    public static Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string formPage, string action, IDictionary<string, string> fields,
        string fileField, string fileName, byte[] content, string contentType = "text/csv") =>
        PostFilesAsync(client, formPage, action, fields, fileField, (fileName, content, contentType));

    /// <summary>As <see cref="PostMultipartAsync"/>, with any number of files in one field (an input with <c>multiple</c>).</summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(HttpClient client, string formPage, string action, IDictionary<string, string> fields,
        string fileField, params (string Name, byte[] Content, string ContentType)[] files)
    {
        var html = await (await client.GetAsync(formPage)).Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {formPage}.");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        form.Add(new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken");
        foreach (var (name, content, contentType) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
            form.Add(file, fileField, name);
        }

        return await client.PostAsync(action, form);
    }

    public static async Task<IHtmlDocument> ReadHtmlAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> ParseAsync(string html) => await Parser.ParseDocumentAsync(html);

    [GeneratedRegex("<input type=\"hidden\" name=\"Version\" value=\"([0-9]+)\">")]
    private static partial Regex Version();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
