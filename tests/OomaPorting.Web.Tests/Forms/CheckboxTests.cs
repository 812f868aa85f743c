using AngleSharp;
using AngleSharp.Html.Dom;
using OomaPorting.Web.Tests.Infrastructure;
using OomaPorting.Web.Tests.Security;

namespace OomaPorting.Web.Tests.Forms;

/// <summary>
/// Every yes/no checkbox of every page the portal serves, ticked, arrives as <c>true</c>; cleared, as <c>false</c> or
/// nothing. The model binder keeps the first value of a name, so a hidden "false" written before its box (as "Suivi par
/// e-mail" once did) turns every tick into a "no". Each page is the real one, at a real address, as the role it serves
/// (<see cref="AccessMatrixFixture.PageAsync"/>); each submission is the browser's own form data set.
/// </summary>
public class CheckboxTests(AccessMatrixFixture fx) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public async Task Every_checkbox_ticked_in_a_rendered_form_arrives_as_true_and_cleared_as_false()
    {
        var boxes = 0;
        var wrong = new List<string>();
        foreach (var (method, pattern) in fx.Routes().Where(r => r.Method == "GET").ToList())
        {
            if (await fx.PageAsync(method, pattern) is not var (client, path, status) || status != 200 || pattern.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }

            var response = await client.GetAsync(path);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            var context = BrowsingContext.New(Configuration.Default);
            var document = await context.OpenAsync(r => r.Content(html).Address("https://portail.ooma.test" + path));
            foreach (var form in document.Forms.Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var box in form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "checkbox" && i.Value == "true").ToList())
                {
                    boxes++;
                    var initially = box.IsChecked;
                    box.IsChecked = true;
                    var ticked = FirstValue(form, box.Name!);
                    box.IsChecked = false;
                    var cleared = FirstValue(form, box.Name!);
                    box.IsChecked = initially;
                    if (ticked != "true" || cleared is not (null or "false"))
                    {
                        wrong.Add($"{path} {form.Action} {box.Name}: ticked posts {ticked ?? "nothing"} first, cleared {cleared ?? "nothing"}");
                    }
                }
            }
        }

        Assert.True(boxes >= 5, $"Only {boxes} yes/no checkboxes found on the portal's pages: the walk is not to be trusted.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>The first value the browser's submission of <paramref name="form"/> holds for <paramref name="name"/>: what the model binder keeps.</summary>
    private static string? FirstValue(IHtmlFormElement form, string name)
    {
        using var reader = new StreamReader(form.GetSubmission()!.Body);
        var body = reader.ReadToEnd();
        if (form.Enctype?.Contains("multipart", StringComparison.OrdinalIgnoreCase) == true)
        {
            var part = System.Text.RegularExpressions.Regex.Match(body, $"name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\"\\r\\n\\r\\n([^\\r]*)");
            return part.Success ? part.Groups[1].Value : null;
        }

        return body.Split('&').Select(p => p.Split('=', 2)).Where(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')) == name)
            .Select(p => Uri.UnescapeDataString(p[1].Replace('+', ' '))).FirstOrDefault();
    }
}
