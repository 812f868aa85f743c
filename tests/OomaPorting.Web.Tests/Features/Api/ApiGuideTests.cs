using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Api;

/// <summary>
/// docs/api.md is run as an integrator would run it: every <c>curl</c> of its shell blocks, in the order written, against
/// a portal of its own, and each answer must be what the comment under it says (its status, its headers, its JSON) and
/// what the OpenAPI document declares (every answer passes <see cref="ApiContract"/>). The guide once carried a create
/// example its own API refused (a wrong RIO key): a guide that drifts from the API now fails here.
/// </summary>
public partial class ApiGuideTests
{
    /// <summary>Values the guide shows as examples that a real run must replace, each named with what replaces it.</summary>
    private const string ExampleSignatureCode = "483920";

    [Fact]
    public async Task Every_call_of_docs_api_md_answers_as_the_guide_says()
    {
        // A portal of its own: the guide's numbers (01 45 00 00 00 and its block) are free there.
        using var factory = new PortalFactory();
        var key = await ApiClients.KeyAsync(factory, "Boulangerie Martin", name: "ERP from the guide");
        var client = factory.CreateClient();
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["KEY"] = key };
        var calls = Calls(await File.ReadAllTextAsync(Path.Combine(TestFolders.RepositoryRoot(), "docs", "api.md"))).ToList();
        Assert.True(calls.Count >= 12, $"only {calls.Count} calls found in docs/api.md: the reader lost its way");
        var datedBySupport = false;
        var ran = new List<string>();

        foreach (var call in calls)
        {
            var words = Words(call.Command, variables);
            if (words[0] == "export")
            {
                foreach (var assignment in words.Skip(1))
                {
                    var (name, value) = (assignment.Split('=', 2)[0], assignment.Split('=', 2)[1]);
                    variables.TryAdd(name, value); // the guide's placeholder key never replaces the real one
                }

                continue;
            }

            Assert.Equal("curl", words[0]);
            var request = Request(words, ExampleSignatureCode, () => Wizard.LastCode(factory, Guid.Parse(variables["ID"])));
            var where = $"docs/api.md line {call.Line}: {request.Method} {request.RequestUri}";
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            ran.Add(where);
            Expect(where, call.Expected, response, body);

            if (request.RequestUri!.OriginalString.EndsWith("/submit/confirm", StringComparison.Ordinal) && response.IsSuccessStatusCode)
            {
                // Section 6 follows the request while the desk works it: support checks the documents and sets the FOC
                // date through its own pages (the calendar file the guide downloads exists from then on).
                var support = await SupportDesk.SignInAsync(factory);
                var id = Guid.Parse(variables["ID"]);
                await support.CheckDocumentsIfWaitingAsync(id);
                var foc = BusinessCalendar.France.AddWorkingDays(DateOnly.FromDateTime(DateTime.UtcNow), 10);
                await support.DoAsync(id, "ccf", new() { ["FocDate"] = foc.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
                datedBySupport = true;
            }

            if (response.Headers.Location is { } location && location.OriginalString.StartsWith("/api/v1/port-requests/", StringComparison.Ordinal))
            {
                variables["ID"] = location.OriginalString["/api/v1/port-requests/".Length..];
            }

            if (response.Headers.ETag is { } etag)
            {
                variables["ETAG"] = etag.ToString();
            }
        }

        // The whole walk-through ran: created, signed, followed, cancelled.
        Assert.Contains(ran, r => r.Contains("POST /api/v1/port-requests/", StringComparison.Ordinal) && r.EndsWith("/cancel", StringComparison.Ordinal));
        Assert.Contains(ran, r => r.EndsWith("/submit/confirm", StringComparison.Ordinal));
        Assert.True(datedBySupport, "the desk never dated the request: the guide's calendar file was not tried");
    }

    /// <summary>The comment under a call: a status (<c># 201 Created, Location: …, ETag: "6"</c>), members (<c># 200: "status": "submitted"</c>) or a JSON body.</summary>
    private static void Expect(string where, string? expected, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (expected is null)
        {
            Assert.True(status is >= 200 and < 300, $"{where}: answered {status} {body}");
            return;
        }

        var said = StatusSaid().Match(expected);
        if (said.Success)
        {
            Assert.True(int.Parse(said.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == status, $"{where}: the guide says {expected}, the API answered {status} {body}");
            foreach (Match header in HeaderSaid().Matches(expected))
            {
                Assert.True(response.Headers.Contains(header.Groups[1].Value) || response.Content.Headers.Contains(header.Groups[1].Value),
                    $"{where}: the guide promises the header {header.Groups[1].Value}");
            }
        }
        else
        {
            Assert.True(status is >= 200 and < 300, $"{where}: answered {status} {body}");
        }

        var answer = JsonNode.Parse(body);
        var json = expected.IndexOf('{', StringComparison.Ordinal);
        if (json >= 0)
        {
            Assert.True(Matches(JsonNode.Parse(expected[json..]), answer), $"{where}: the guide shows {expected[json..]}, the API answered {body}");
        }

        foreach (Match member in MemberSaid().Matches(said.Success ? expected[said.Length..] : expected))
        {
            if (json >= 0)
            {
                break;
            }

            var value = answer?[member.Groups[1].Value];
            Assert.True(value is not null && Like(member.Groups[2].Value, value.GetValue<string>()),
                $"{where}: the guide says \"{member.Groups[1].Value}\": \"{member.Groups[2].Value}\", the API answered {value?.ToJsonString() ?? "nothing"}");
        }
    }

    /// <summary>Whether <paramref name="answer"/> has every member <paramref name="shown"/> has, with its value (a string with … stands for any text there).</summary>
    private static bool Matches(JsonNode? shown, JsonNode? answer) => shown switch
    {
        JsonObject o => answer is JsonObject a && o.All(m => a.ContainsKey(m.Key) && Matches(m.Value, a[m.Key])),
        JsonArray l => answer is JsonArray a && l.Count == a.Count && l.Zip(a).All(p => Matches(p.First, p.Second)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => answer is JsonValue s && s.GetValueKind() == JsonValueKind.String
            && Like(v.GetValue<string>(), s.GetValue<string>()),
        null => answer is null,
        _ => JsonNode.DeepEquals(shown, answer),
    };

    private static bool Like(string shown, string actual) =>
        Regex.IsMatch(actual, "^" + string.Join(".*", shown.Split('…').Select(Regex.Escape)) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));

    /// <summary>The HTTP request a curl command line makes (the options the guide uses: -X, -H, -d, -F, -o, -s).</summary>
    private static HttpRequestMessage Request(List<string> words, string exampleCode, Func<string> realCode)
    {
        string? method = null, data = null, url = null;
        var headers = new List<(string Name, string Value)>();
        var form = new List<string>();
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-s": break;
                case "-X": method = words[++i]; break;
                case "-H": var h = words[++i].Split(':', 2); headers.Add((h[0].Trim(), h[1].Trim())); break;
                case "-d": data = words[++i]; break;
                case "-F": form.Add(words[++i]); break;
                case "-o": i++; break;
                case var word when word.StartsWith('-'): throw new InvalidOperationException($"The guide uses curl's {word}, which this reader does not know.");
                default: url = words[i]; break;
            }
        }

        var address = new Uri(url ?? throw new InvalidOperationException("A curl without an address."));
        var request = new HttpRequestMessage(new HttpMethod(method ?? (data is not null || form.Count > 0 ? "POST" : "GET")), address.PathAndQuery);
        if (data is not null)
        {
            // curl's own default for -d, unless the guide names a type.
            request.Content = new StringContent(data.Contains(exampleCode, StringComparison.Ordinal) ? data.Replace(exampleCode, realCode(), StringComparison.Ordinal) : data, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }
        else if (form.Count > 0)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var field in form)
            {
                var (name, value) = (field.Split('=', 2)[0], field.Split('=', 2)[1]);
                if (value.StartsWith('@'))
                {
                    var parts = value[1..].Split(";type=");
                    var file = new ByteArrayContent(PortRequestBuilder.SampleBillPdf);
                    file.Headers.ContentType = new MediaTypeHeaderValue(parts[1]);
                    multipart.Add(file, name, parts[0]);
                }
                else
                {
                    multipart.Add(new StringContent(value), name);
                }
            }

            request.Content = multipart;
        }

        foreach (var (name, value) in headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    private sealed record Call(int Line, string Command, string? Expected);

    /// <summary>The commands of the guide's <c>bash</c> blocks (continuation lines joined), each with the comment lines right under it.</summary>
    private static IEnumerable<Call> Calls(string guide)
    {
        var lines = guide.ReplaceLineEndings("\n").Split('\n');
        var inBash = false;
        Call? pending = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBash = !inBash && line.Trim() == "```bash";
                continue;
            }

            if (!inBash || line.Trim().Length == 0)
            {
                continue;
            }

            if (line.TrimStart().StartsWith('#'))
            {
                if (pending is not null)
                {
                    pending = pending with { Expected = ((pending.Expected ?? "") + " " + line.TrimStart()[1..].Trim()).Trim() };
                }

                continue;
            }

            if (pending is not null)
            {
                yield return pending;
            }

            var start = i + 1;
            var command = new StringBuilder(line);
            while (command.ToString().TrimEnd().EndsWith('\\') || OpenQuote(command.ToString()))
            {
                if (OpenQuote(command.ToString()))
                {
                    command.Append('\n').Append(lines[++i]);
                    continue;
                }

                command.Length = command.ToString().TrimEnd().Length - 1;
                command.Append(' ').Append(lines[++i].Trim());
            }

            pending = new Call(start, command.ToString(), null);
        }

        if (pending is not null)
        {
            yield return pending;
        }
    }

    /// <summary>Whether <paramref name="command"/> ends inside a quoted string (a JSON body over several lines).</summary>
    private static bool OpenQuote(string command)
    {
        char? open = null;
        foreach (var c in command)
        {
            if (open is null && c is '\'' or '"')
            {
                open = c;
            }
            else if (c == open)
            {
                open = null;
            }
        }

        return open is not null;
    }

    /// <summary>A shell command line split as the shell splits it: quotes, <c>$NAME</c> expanded (not inside single quotes), a trailing comment dropped.</summary>
    private static List<string> Words(string command, IReadOnlyDictionary<string, string> variables)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            if (c == '#' && !inWord)
            {
                break;
            }

            inWord = true;
            if (c == '\'')
            {
                var end = command.IndexOf('\'', i + 1);
                word.Append(command, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                var end = command.IndexOf('"', i + 1);
                word.Append(Expand(command[(i + 1)..end], variables));
                i = end;
            }
            else if (c == '$')
            {
                var name = Variable().Match(command, i + 1).Value;
                word.Append(Expand("$" + name, variables));
                i += name.Length;
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    private static string Expand(string text, IReadOnlyDictionary<string, string> variables) =>
        Regex.Replace(text, @"\$([A-Z_][A-Z0-9_]*)", m => variables.TryGetValue(m.Groups[1].Value, out var value)
            ? value : throw new InvalidOperationException($"The guide uses ${m.Groups[1].Value} before saying what it is."), RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"^(\d{3})\b")]
    private static partial Regex StatusSaid();

    [GeneratedRegex(@"\b(Location|ETag|Retry-After):")]
    private static partial Regex HeaderSaid();

    [GeneratedRegex("\"(\\w+)\": \"([^\"]*)\"")]
    private static partial Regex MemberSaid();

    [GeneratedRegex(@"[A-Z_][A-Z0-9_]*")]
    private static partial Regex Variable();
}
