using System.Text.Json;
using System.Text.Json.Serialization;

namespace OomaPorting.Web.Infrastructure;

/// <summary>
/// What an audit line says beyond its action, kept so that each reader sees it in their own language (an auditor's CSV
/// read "code sent to" and "removed" in a French export): a phrase of the portal's resources and its values, each either
/// as written (a name, an e-mail address, a URL) or words of the resources (a role, webhook events, a code's outcome).
/// Stored as JSON in <see cref="AuditEntry.Details"/>; a line stored as plain text (a closing reason) is shown as is.
/// </summary>
public sealed record AuditDetails(
    [property: JsonPropertyName("p")] string Phrase,
    [property: JsonPropertyName("v")] IReadOnlyList<AuditDetails.Value> Values)
{
    private const string Prefix = "{\"p\":\"Audit.Details.";

    /// <summary>Letters as they are (a company's accents stay readable in the database and count once toward the length).</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    /// <summary>A value as written (<see cref="Text"/>), or the resource words <see cref="Key"/> + each of <see cref="Names"/>, joined by commas.</summary>
    public sealed record Value(
        [property: JsonPropertyName("t"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text,
        [property: JsonPropertyName("k"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Key = null,
        [property: JsonPropertyName("n"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Names = null);

    /// <summary>The phrase <c>Audit.Details.<paramref name="phrase"/></c> with its values.</summary>
    public static AuditDetails Of(string phrase, params Value[] values) => new("Audit.Details." + phrase, values);

    public static Value Text(string text) => new(text);

    /// <summary>Words of the resources: <paramref name="key"/> followed by each name ("Webhooks.Event." + "Submitted").</summary>
    public static Value Words(string key, IEnumerable<string> names) => new(null, key, [.. names]);

    public static Value Word(string key, string name) => Words(key, [name]);

    /// <summary>The JSON stored, at most <paramref name="maxLength"/> characters: the longest text is shortened until it fits.</summary>
    public string Store(int maxLength)
    {
        var details = this;
        var json = JsonSerializer.Serialize(details, Json);
        while (json.Length > maxLength)
        {
            var longest = details.Values.Where(v => v.Text is not null).MaxBy(v => v.Text!.Length);
            if (longest is null || longest.Text!.Length <= 1)
            {
                return string.Empty;
            }

            var shorter = longest with { Text = longest.Text[..(longest.Text.Length / 2)] + "…" };
            details = details with { Values = [.. details.Values.Select(v => ReferenceEquals(v, longest) ? shorter : v)] };
            json = JsonSerializer.Serialize(details, Json);
        }

        return json;
    }

    /// <summary>What <paramref name="stored"/> says in the reader's language (<paramref name="text"/>'s culture).</summary>
    public static string Read(string stored, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(text);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        AuditDetails? details;
        try
        {
            details = JsonSerializer.Deserialize<AuditDetails>(stored, Json);
        }
        catch (JsonException)
        {
            return stored;
        }

        if (details?.Values is null)
        {
            return stored;
        }

        var values = details.Values.Select(v => v.Text ?? string.Join(", ", (v.Names ?? []).Select(n => text[v.Key + n].Value))).ToArray<object>();
        return text[details.Phrase, values].Value;
    }
}
