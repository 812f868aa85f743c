using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace OomaPorting.Web.Infrastructure.Forms;

/// <summary>
/// Ties each field to its message for assistive technology: the message span (<c>asp-validation-for</c>) gets the id
/// <c>{field id}-error</c>; the field written after it (<c>asp-for</c>) is described by that span and, when the server
/// refused its value, carries <c>aria-invalid="true"</c>. The browser script keeps <c>aria-invalid</c> in step with
/// its own checks.
/// </summary>
[HtmlTargetElement("span", Attributes = ValidationFor)]
[HtmlTargetElement("input", Attributes = For)]
[HtmlTargetElement("select", Attributes = For)]
[HtmlTargetElement("textarea", Attributes = For)]
public sealed class FieldStateTagHelper : TagHelper
{
    private const string For = "asp-for";
    private const string ValidationFor = "asp-validation-for";
    private const string RenderedMessages = "OomaPorting.FieldMessages";

    /// <summary>After the framework's own helpers, which write the id and the classes.</summary>
    public override int Order => 1000;

    [HtmlAttributeName(For)]
    public ModelExpression? Field { get; set; }

    [HtmlAttributeName(ValidationFor)]
    public ModelExpression? MessageFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var messages = ViewContext.HttpContext.Items[RenderedMessages] as HashSet<string> ?? [];
        ViewContext.HttpContext.Items[RenderedMessages] = messages;
        if (MessageFor is not null)
        {
            var name = FullName(MessageFor);
            output.Attributes.SetAttribute("id", MessageId(name));
            messages.Add(name);
            return;
        }

        if (Field is null || output.Attributes["type"]?.Value?.ToString() == "hidden")
        {
            return;
        }

        var field = FullName(Field);
        if (messages.Contains(field))
        {
            var describedBy = output.Attributes["aria-describedby"]?.Value?.ToString();
            output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(describedBy) ? MessageId(field) : $"{MessageId(field)} {describedBy}");
        }

        if (ViewContext.ViewData.ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
        }
    }

    private string FullName(ModelExpression expression) => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);

    private static string MessageId(string field) => TagBuilder.CreateSanitizedId(field, "_") + "-error";
}
