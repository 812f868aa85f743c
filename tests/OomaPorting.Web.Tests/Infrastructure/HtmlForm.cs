using System.Net.Http.Headers;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Io;
using AngleSharp.Io.Dom;

namespace OomaPorting.Web.Tests.Infrastructure;

/// <summary>
/// A form of a page the portal rendered, filled and submitted as a browser would: the form is found by a text the user
/// sees (its submit button, its heading or legend, its accessible name), fields by their labels, and the submission is
/// the browser's own form data set (AngleSharp builds it by the HTML standard: every successful control in document
/// order, hidden inputs and the antiforgery token included, a checkbox only when ticked, the clicked button's name and
/// value, multipart when the form says so). A field the form does not have, or a value a select does not offer, is
/// refused: the test cannot post what no browser could.
/// </summary>
public sealed class HtmlForm
{
    private readonly HttpClient _client;
    private readonly IHtmlFormElement _form;
    private IHtmlElement? _submitter;

    private HtmlForm(HttpClient client, IHtmlFormElement form)
    {
        _client = client;
        _form = form;
    }

    /// <summary>GETs <paramref name="page"/> and takes the form that <paramref name="formText"/> names (see <see cref="Find"/>).</summary>
    public static async Task<HtmlForm> OpenAsync(HttpClient client, string page, string formText)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(page);
        Assert.True(response.IsSuccessStatusCode, $"GET {page} answered {(int)response.StatusCode}.");
        return await FromAsync(client, response, formText);
    }

    /// <summary>The form that <paramref name="formText"/> names on a page already received (a re-rendered form, a redirect's target).</summary>
    public static async Task<HtmlForm> FromAsync(HttpClient client, HttpResponseMessage response, string formText)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var address = new Uri(client.BaseAddress!, response.RequestMessage?.RequestUri ?? new Uri("/", UriKind.Relative));
        return await FromHtmlAsync(client, html, address, formText);
    }

    public static async Task<HtmlForm> FromHtmlAsync(HttpClient client, string html, Uri address, string formText)
    {
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(address.ToString()));
        return new HtmlForm(client, Find(document, formText));
    }

    /// <summary>
    /// GETs <paramref name="page"/> and takes the form that posts to <paramref name="action"/> (its own action, or a
    /// button's <c>formaction</c>: that button is then the one clicked), as a person on that page would use it.
    /// </summary>
    public static async Task<HtmlForm> ForActionAsync(HttpClient client, string page, string action)
    {
        ArgumentNullException.ThrowIfNull(client);
        var response = await client.GetAsync(page);
        return await ForActionAsync(client, response, action, new Uri(client.BaseAddress!, page));
    }

    /// <summary>The form posting to <paramref name="action"/> on a page already received (a form re-rendered by the server).</summary>
    public static async Task<HtmlForm> ForActionAsync(HttpClient client, HttpResponseMessage response, string action, Uri? address = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        address ??= new Uri(client.BaseAddress!, response.RequestMessage?.RequestUri ?? new Uri("/", UriKind.Relative));
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(address.ToString()));
        var target = new Uri(address, action).AbsolutePath;
        foreach (var form in document.Forms)
        {
            var button = SubmitButtons(form).FirstOrDefault(b => b.GetAttribute("formaction") is { } f && new Uri(address, f).AbsolutePath == target);
            if (button is not null)
            {
                return new HtmlForm(client, form) { _submitter = button };
            }

            if (new Uri(address, form.GetAttribute("action") ?? address.PathAndQuery).AbsolutePath == target
                && string.Equals(form.Method, "post", StringComparison.OrdinalIgnoreCase))
            {
                return new HtmlForm(client, form);
            }
        }

        Assert.Fail($"{address.PathAndQuery} ({(int)response.StatusCode}) has no form posting to {action}; its forms post to: "
            + string.Join(", ", document.Forms.Select(f => f.GetAttribute("action"))));
        return null!;
    }

    /// <summary>Whether the form has a control named <paramref name="name"/>.</summary>
    public bool Has(string name) => Controls().Any(c => c.GetAttribute("name") == name);

    /// <summary>Whether the form has a submit button named <paramref name="name"/> with <paramref name="value"/>.</summary>
    public bool HasButton(string name, string value) =>
        SubmitButtons(_form).Any(b => b.GetAttribute("name") == name && (b.GetAttribute("value") ?? string.Empty) == value);

    /// <summary>
    /// Sets the control named <paramref name="name"/> as a person would: types into a text field or area, picks the
    /// option of a list (which must offer it), ticks the checkbox of that value (or clears a "true" box for "false"),
    /// clicks the radio button of that value, or chooses the submit button of that name and value. A hidden field may
    /// be set too (it stands for what an older rendering of the page held: a stale version). A name the form does not
    /// have fails the test.
    /// </summary>
    public HtmlForm Set(string name, string value)
    {
        var named = Controls().OfType<IHtmlElement>().Where(c => c.GetAttribute("name") == name).ToList();
        Assert.True(named.Count > 0, $"The form posting to {_form.Action} has no field named \"{name}\"; its fields: "
            + string.Join(", ", Controls().Select(c => c.GetAttribute("name")).Where(n => n is not null).Distinct()));
        // A checkbox and the hidden "false" MVC pairs with it share a name: the box is what a person sets.
        var first = named.FirstOrDefault(n => n is IHtmlInputElement { Type: "checkbox" or "radio" }) ?? named[0];
        switch (first)
        {
            case IHtmlButtonElement or IHtmlInputElement { Type: "submit" }:
                var button = named.FirstOrDefault(b => (b as IHtmlButtonElement)?.Value == value || (b as IHtmlInputElement)?.Value == value);
                Assert.True(button is not null, $"No button {name}={value}: " + string.Join(", ", named.Select(ButtonText)));
                _submitter = button;
                break;
            case IHtmlSelectElement select:
                var option = select.Options.FirstOrDefault(o => o.Value == value);
                Assert.True(option is not null, $"The list {name} offers no {value}: " + string.Join(", ", select.Options.Select(o => o.Value)));
                foreach (var o in select.Options)
                {
                    o.IsSelected = ReferenceEquals(o, option) || (select.IsMultiple && o.IsSelected);
                }

                break;
            case IHtmlInputElement { Type: "checkbox" }:
                var boxes = named.OfType<IHtmlInputElement>().Where(b => b.Type == "checkbox").ToList();
                if (boxes.FirstOrDefault(b => b.Value == value) is { } box)
                {
                    box.IsChecked = true;
                }
                else
                {
                    Assert.True(value == "false" && boxes.Any(b => b.Value == "true"), $"No checkbox {name} of value {value}.");
                    boxes.ForEach(b => b.IsChecked = false);
                }

                break;
            case IHtmlInputElement { Type: "radio" }:
                var radios = named.OfType<IHtmlInputElement>().ToList();
                var radio = radios.FirstOrDefault(r => r.Value == value);
                Assert.True(radio is not null, $"No choice {name}={value}: " + string.Join(", ", radios.Select(r => r.Value)));
                radios.ForEach(r => r.IsChecked = ReferenceEquals(r, radio));
                break;
            case IHtmlTextAreaElement area:
                area.Value = value;
                break;
            case IHtmlInputElement { Type: "file" }:
                Assert.Fail($"{name} is a file input: use Attach.");
                break;
            case IHtmlInputElement input:
                Assert.False(input.IsReadOnly || input.IsDisabled, $"The field {name} cannot be typed into.");
                input.Value = value;
                break;
            default:
                Assert.Fail($"{name} is a {first.LocalName}.");
                break;
        }

        return this;
    }

    /// <summary>Sets each field by its name (<see cref="Set"/>).</summary>
    public HtmlForm SetAll(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var (name, value) in fields)
        {
            Set(name, value);
        }

        return this;
    }

    /// <summary>
    /// The one form whose submit button, legend, heading (the nearest before it), <c>aria-label</c> or <c>id</c> reads
    /// <paramref name="formText"/> (case and spacing ignored); several or none fail the test with what the page offers.
    /// </summary>
    public static IHtmlFormElement Find(IDocument document, string formText)
    {
        ArgumentNullException.ThrowIfNull(document);
        var forms = document.Forms.ToList();
        var matches = forms.Where(f => Names(f).Any(n => Same(n, formText))).ToList();
        if (matches.Count == 0)
        {
            matches = forms.Where(f => Names(f).Any(n => Normal(n).Contains(Normal(formText), StringComparison.Ordinal))).ToList();
        }

        Assert.True(matches.Count == 1, $"{matches.Count} forms named \"{formText}\" on {document.Url}; the page's forms: "
            + string.Join(" | ", forms.Select(f => string.Join(", ", Names(f).Distinct()))));
        return matches[0];
    }

    /// <summary>Types <paramref name="value"/> into the text field, text area or select labelled <paramref name="label"/>.</summary>
    public HtmlForm Fill(string label, string value)
    {
        switch (Control(label))
        {
            case IHtmlSelectElement select:
                var option = select.Options.FirstOrDefault(o => Same(o.Text, value) || o.Value == value);
                Assert.True(option is not null, $"The list \"{label}\" has no option \"{value}\": " + string.Join(", ", select.Options.Select(o => o.Text.Trim())));
                foreach (var o in select.Options)
                {
                    o.IsSelected = ReferenceEquals(o, option);
                }

                break;
            case IHtmlTextAreaElement area:
                area.Value = value;
                break;
            case IHtmlInputElement input when input.Type is not ("checkbox" or "radio" or "file" or "hidden" or "submit"):
                Assert.False(input.IsReadOnly || input.IsDisabled, $"The field \"{label}\" cannot be typed into.");
                input.Value = value;
                break;
            case var other:
                Assert.Fail($"\"{label}\" is a {other.LocalName} {other.GetAttribute("type")}, not a field to type into.");
                break;
        }

        return this;
    }

    /// <summary>Ticks (or clears) the checkbox labelled <paramref name="label"/>.</summary>
    public HtmlForm Check(string label, bool ticked = true)
    {
        var box = Control(label) as IHtmlInputElement;
        Assert.True(box is { Type: "checkbox" }, $"\"{label}\" is not a checkbox.");
        box!.IsChecked = ticked;
        return this;
    }

    /// <summary>Clicks the radio button labelled <paramref name="label"/> (the others of its group clear, as in a browser).</summary>
    public HtmlForm Choose(string label)
    {
        var radio = Control(label) as IHtmlInputElement;
        Assert.True(radio is { Type: "radio" }, $"\"{label}\" is not a radio button.");
        foreach (var other in Controls().OfType<IHtmlInputElement>().Where(i => i.Type == "radio" && i.Name == radio!.Name))
        {
            other.IsChecked = false;
        }

        radio!.IsChecked = true;
        return this;
    }

    /// <summary>Chooses files for the file input labelled <paramref name="label"/>.</summary>
    public HtmlForm Attach(string label, params (string Name, byte[] Content, string ContentType)[] files)
    {
        var input = Control(label) as IHtmlInputElement;
        Assert.True(input is { Type: "file" }, $"\"{label}\" is not a file input.");
        Assert.True(files.Length <= 1 || input!.IsMultiple, $"\"{label}\" takes one file.");
        foreach (var (name, content, contentType) in files)
        {
            input!.Files!.Add(new InputFile(name, contentType, content));
        }

        return this;
    }

    /// <summary>
    /// Clicks the submit button whose text, value or accessible name is <paramref name="button"/> (or the one chosen by
    /// <see cref="Set"/> or by the address the form was taken for; with none, the form is sent without a button's name
    /// and value) and sends exactly what the browser would.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string? button = null)
    {
        var buttons = SubmitButtons(_form).ToList();
        IHtmlElement? submitter = button is null
            ? _submitter
            : buttons.FirstOrDefault(b => Same(ButtonText(b), button)) ?? buttons.FirstOrDefault(b => Normal(ButtonText(b)).Contains(Normal(button), StringComparison.Ordinal));
        Assert.True(button is null || submitter is not null,
            $"The form has no button \"{button}\": " + string.Join(", ", buttons.Select(ButtonText)));

        var request = submitter is null ? _form.GetSubmission() : _form.GetSubmission(submitter);
        Assert.NotNull(request);
        var method = request!.Method.ToString().ToUpperInvariant();
        using var message = new HttpRequestMessage(new System.Net.Http.HttpMethod(method), request.Target.Href);
        if (method == "GET")
        {
            return await _client.SendAsync(message);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        message.Content = new ByteArrayContent(body.ToArray());
        if (request.Headers.TryGetValue(HeaderNames.ContentType, out var contentType))
        {
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await _client.SendAsync(message);
    }

    private IEnumerable<IElement> Controls() => _form.Elements;

    /// <summary>The control labelled <paramref name="label"/>: by its &lt;label&gt;, its aria-label, or its name as a last resort for controls with no visible label.</summary>
    private IHtmlElement Control(string label)
    {
        var candidates = Controls().OfType<IHtmlElement>().Where(c => c is not IHtmlButtonElement && c.GetAttribute("type") != "hidden").ToList();
        var byLabel = candidates.Where(c => LabelsOf(c).Any(l => Same(l, label))).ToList();
        if (byLabel.Count == 0)
        {
            byLabel = candidates.Where(c => LabelsOf(c).Any(l => Normal(l).StartsWith(Normal(label), StringComparison.Ordinal))).ToList();
        }

        Assert.True(byLabel.Count >= 1, $"The form has no field labelled \"{label}\"; its fields: "
            + string.Join(" | ", candidates.Select(c => string.Join(" / ", LabelsOf(c)))));
        Assert.True(byLabel.Count == 1, $"{byLabel.Count} fields are labelled \"{label}\".");
        return byLabel[0];
    }

    private static IEnumerable<string> LabelsOf(IHtmlElement control)
    {
        if (control.Id is { Length: > 0 } id)
        {
            foreach (var label in control.Owner!.QuerySelectorAll($"label[for='{CssEscape(id)}']"))
            {
                yield return label.TextContent;
            }
        }

        if (control.Closest("label") is { } wrapping)
        {
            yield return wrapping.TextContent;
        }

        if (control.GetAttribute("aria-label") is { } aria)
        {
            yield return aria;
        }
    }

    private static IEnumerable<IHtmlElement> SubmitButtons(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlElement>().Where(e =>
            e is IHtmlButtonElement { Type: "submit" } || e is IHtmlInputElement { Type: "submit" or "image" });

    private static string ButtonText(IHtmlElement button) =>
        button is IHtmlInputElement input ? input.Value : button.GetAttribute("aria-label") ?? button.TextContent;

    private static IEnumerable<string> Names(IHtmlFormElement form)
    {
        foreach (var button in SubmitButtons(form))
        {
            yield return ButtonText(button);
        }

        foreach (var legend in form.QuerySelectorAll("legend"))
        {
            yield return legend.TextContent;
        }

        if (form.GetAttribute("aria-label") is { } aria)
        {
            yield return aria;
        }

        if (form.GetAttribute("aria-labelledby") is { } labelledBy && form.Owner!.GetElementById(labelledBy) is { } title)
        {
            yield return title.TextContent;
        }

        if (form.Id is { Length: > 0 } id)
        {
            yield return id;
        }

        // The nearest heading before the form, or inside it: what a sighted user reads as the form's title.
        if (form.QuerySelector("h1,h2,h3,h4") is { } inner)
        {
            yield return inner.TextContent;
        }

        for (IElement? e = form.PreviousElementSibling ?? form.ParentElement; e is not null; e = e.PreviousElementSibling ?? e.ParentElement)
        {
            if (e.LocalName is "h1" or "h2" or "h3" or "h4")
            {
                yield return e.TextContent;
                break;
            }

            if (e.QuerySelectorAll("h1,h2,h3,h4").LastOrDefault() is { } last && !ReferenceEquals(e, form.ParentElement) && !e.Contains(form))
            {
                yield return last.TextContent;
                break;
            }

            if (e.LocalName == "body")
            {
                break;
            }
        }
    }

    private static string CssEscape(string id) => id.Replace("'", "\\'", StringComparison.Ordinal);

    private static string Normal(string text) =>
        string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static bool Same(string a, string b) => Normal(a) == Normal(b);
}
