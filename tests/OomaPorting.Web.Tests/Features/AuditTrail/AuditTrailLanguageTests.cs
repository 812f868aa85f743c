using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Webhooks;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.AuditTrail;

/// <summary>
/// The audit trail reads in its reader's language, on the page and in the CSV: a French export said "code sent to",
/// "attempt 1/5 from", "removed" and "SupportAdmin" (issue 36, point 17). Details are stored as words of the portal
/// (<see cref="Web.Infrastructure.AuditDetails"/>) and written out when read.
/// </summary>
public partial class AuditTrailLanguageTests
{
    [GeneratedRegex(@"\b(sent to|attempt|from|removed|until|events|Wrong|Confirmed|SupportAdmin|admin)\b")]
    private static partial Regex EnglishWords();

    [Fact]
    public async Task A_french_reader_gets_french_details_and_an_english_reader_english_ones()
    {
        using var factory = new PortalFactory();
        await Wizard.SubmittedAsync(factory); // a code sent, then confirmed
        var lead = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);
        var invite = await HtmlForm.OpenAsync(lead, "/support/agents", "Envoyer l'invitation");
        invite.Fill("Nom", "Nina Agent").Fill("Adresse e-mail", "nina@ooma-office.test").Check("Administrateur du support (gère les agents, lit le journal)");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await invite.SubmitAsync()).StatusCode);

        var csv = Encoding.UTF8.GetString((await (await lead.GetAsync("/support/journal/export.csv")).Content.ReadAsByteArrayAsync())[3..]);
        Assert.Contains("Nina Agent <nina@ooma-office.test> — Administrateur du support", csv, StringComparison.Ordinal);
        Assert.Matches(@"Demande [^;]+ : code envoyé à admin@boulangerie-martin\.test", csv);
        Assert.Matches(@"Demande [^;]+ : code confirmé \(essai 1 sur \d\) depuis ", csv);
        var details = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[^1]).ToList();
        Assert.All(details, d => Assert.DoesNotMatch(EnglishWords(), d.Replace("admin@", "@", StringComparison.Ordinal)));

        var switched = await HtmlForm.ForActionAsync(lead, "/support/journal", "/langue");
        await switched.SubmitAsync("English");
        var page = await (await lead.GetAsync("/support/journal")).ReadHtmlAsync();
        var text = string.Join("\n", page.QuerySelectorAll("tr[data-audit] td:last-child").Select(td => td.TextContent));
        Assert.Contains("Nina Agent <nina@ooma-office.test> — Support administrator", text, StringComparison.Ordinal);
        Assert.Matches(@"Request \S+: code sent to admin@boulangerie-martin\.test", text);
        Assert.Matches(@"Request \S+: code confirmed \(attempt 1 of \d\) from ", text);
    }

    [Fact]
    public void Every_phrase_and_word_the_trail_can_store_exists_in_both_languages_with_the_same_placeholders()
    {
        using var factory = new PortalFactory();
        var text = factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        string[] words =
        [
            .. Enum.GetNames<SignatureCodeCheck>().Select(n => "Audit.Details.Code." + n),
            .. Enum.GetNames<ChangeWebhookEndpoint.Change>().Select(n => "Audit.Details.Webhook." + n),
            .. Enum.GetValues<ApiKeyRole>().Where(r => r != 0).Select(r => "Integrations.Role." + r),
            .. WebhookEventTypes.Each.Select(e => "Webhooks.Event." + e),
            "Agents.Role.Admin", "Agents.Role.Agent",
        ];
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            var placeholders = new Dictionary<string, string>();
            foreach (var culture in new[] { "fr-FR", "en" })
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                Assert.All(words, w => Assert.False(text[w].ResourceNotFound, $"{culture}: {w}"));
                foreach (var phrase in text.GetAllStrings(includeParentCultures: false).Where(s => s.Name.StartsWith("Audit.Details.", StringComparison.Ordinal)))
                {
                    var holes = string.Join(",", Regex.Matches(phrase.Value, @"\{\d\}").Select(m => m.Value).Order(StringComparer.Ordinal));
                    Assert.Equal(placeholders.GetValueOrDefault(phrase.Name, holes), holes);
                    placeholders[phrase.Name] = holes;
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
