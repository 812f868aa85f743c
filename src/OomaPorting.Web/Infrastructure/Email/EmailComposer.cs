using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;

namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>
/// Lays a message out in the recipient's language: a plain-text part and an HTML part in the portal's colours.
/// Every sentence comes from the resources (<c>Email.*</c>), read in the recipient's culture.
/// </summary>
public sealed class EmailComposer(IStringLocalizerFactory localizers, IOptions<EmailOptions> options)
{
    private readonly IStringLocalizer _text = localizers.Create(typeof(SharedResource));

    public string PortalUrl => options.Value.PortalUrl.TrimEnd('/');

    /// <summary>Reads resources in <paramref name="culture"/> for the duration of <paramref name="build"/>.</summary>
    public T InCulture<T>(string culture, Func<IStringLocalizer, T> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var target = CultureInfo.GetCultureInfo(culture);
        try
        {
            CultureInfo.CurrentCulture = target;
            CultureInfo.CurrentUICulture = target;
            return build(_text);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    public (string Text, string Html) Render(EmailContent content, string culture)
    {
        ArgumentNullException.ThrowIfNull(content);
        var footer = InCulture(culture, t => t["Email.Footer"].Value);
        var text = new StringBuilder();
        text.Append(content.Heading).Append("\n\n");
        foreach (var p in content.Paragraphs)
        {
            text.Append(p).Append("\n\n");
        }

        foreach (var item in content.Items)
        {
            text.Append("  - ").Append(item).Append('\n');
        }

        if (content.Items.Count > 0)
        {
            text.Append('\n');
        }

        foreach (var p in content.After)
        {
            text.Append(p).Append("\n\n");
        }

        if (content.LinkUrl is not null)
        {
            // French puts a space before the colon; English does not.
            text.Append(content.LinkText).Append(culture.StartsWith("fr", StringComparison.Ordinal) ? " : " : ": ").Append(content.LinkUrl).Append("\n\n");
        }

        text.Append("-- \n").Append(footer).Append('\n');

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(culture[..2]).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(content.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;background:#f5f7fa\">")
            .Append("<div style=\"background:#0b3d6b;color:#ffffff;padding:16px 24px;font-size:18px;font-weight:bold\">Ooma Office</div>")
            .Append("<div style=\"padding:24px;background:#ffffff;max-width:640px\">")
            .Append("<h1 style=\"font-size:22px;margin:0 0 16px\">").Append(E(content.Heading)).Append("</h1>");
        foreach (var p in content.Paragraphs)
        {
            html.Append("<p style=\"font-size:16px;line-height:1.5\">").Append(E(p)).Append("</p>");
        }

        if (content.Items.Count > 0)
        {
            html.Append("<ul style=\"font-size:16px;line-height:1.5\">");
            foreach (var item in content.Items)
            {
                html.Append("<li>").Append(E(item)).Append("</li>");
            }

            html.Append("</ul>");
        }

        foreach (var p in content.After)
        {
            html.Append("<p style=\"font-size:16px;line-height:1.5\">").Append(E(p)).Append("</p>");
        }

        if (content.LinkUrl is not null)
        {
            html.Append("<p><a href=\"").Append(E(content.LinkUrl)).Append("\" style=\"display:inline-block;background:#0b61a4;color:#ffffff;padding:10px 16px;text-decoration:none;border-radius:4px\">")
                .Append(E(content.LinkText ?? content.LinkUrl)).Append("</a></p>");
        }

        html.Append("</div><p style=\"font-size:12px;color:#555;padding:0 24px\">").Append(E(footer)).Append("</p></body></html>");
        return (text.ToString(), html.ToString());
    }
}
