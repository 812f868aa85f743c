using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Localization;

namespace OomaPorting.Web.Infrastructure.Api;

/// <summary>How the API reads and writes JSON, and which language it answers in.</summary>
public static class ApiJson
{
    /// <summary>
    /// camelCase names and enum values as camelCase strings; a body with a field the API does not know is refused (a
    /// typo never passes for an absent field); nulls are written (a field is always there); instants are UTC with <c>Z</c>.
    /// </summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;

        // Letters of every language as they are (accents stay readable), but markup always escaped (<, >, &, quotes):
        // left unset, MVC's formatter would pick a relaxed encoder, and a stored "<script>" could come back raw.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.MaxDepth = 16;
    }

    /// <summary>
    /// The API's language: <c>Accept-Language</c> (French unless English is asked for). Pages keep their choice (the
    /// language cookie, French by default) and never follow the browser's header.
    /// </summary>
    public static readonly RequestCultureProvider AcceptLanguageOnApi = new CustomRequestCultureProvider(async context =>
        ApiProblems.IsApi(context) ? await new AcceptLanguageHeaderRequestCultureProvider().DetermineProviderCultureResult(context) : null);
}
