using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Localization;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Layout;

/// <summary>
/// French that reads right (issue 14, points 1 and 14): real plural forms through one mechanism, no internal codes
/// (carrier "AUTRE", terms "2026-11-fr") shown to people, no stray space, no "numéro temporaire" for an account that has none.
/// </summary>
public partial class FrenchWordingTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    [Theory]
    [InlineData("fr-FR", 0, PluralText.One)]
    [InlineData("fr-FR", 1, PluralText.One)]
    [InlineData("fr-FR", 2, PluralText.Other)]
    [InlineData("fr-FR", 1000000, PluralText.Other)]
    [InlineData("en", 0, PluralText.Other)]
    [InlineData("en", 1, PluralText.One)]
    [InlineData("en", 2, PluralText.Other)]
    public void Each_language_chooses_its_plural_form_by_its_own_rule(string culture, long count, string expected) =>
        Assert.Equal(expected, PluralText.Category(count, CultureInfo.GetCultureInfo(culture)));

    [GeneratedRegex(@"\w\((s|e|es|x)\)")]
    private static partial Regex ParenthesisedPlural();

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en")]
    public void No_resource_string_of_either_language_writes_a_plural_or_a_gender_in_parentheses(string culture)
    {
        var text = portal.Factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var offenders = text.GetAllStrings(includeParentCultures: false).Where(s => ParenthesisedPlural().IsMatch(s.Value))
                .Select(s => $"{s.Name}: {s.Value}").ToList();
            Assert.True(offenders.Count == 0, string.Join("\n", offenders));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static async Task<string> TextAsync(HttpClient client, string path)
    {
        var page = await (await client.GetAsync(path)).ReadHtmlAsync();
        return page.QuerySelector("main")!.TextContent;
    }

    [Fact]
    public async Task Counts_are_written_in_real_plural_forms()
    {
        var martin = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieAdmin);
        var durand = await PortalClient.SignedInAsync(portal.Factory, DemoData.DurandAdmin);
        var support = await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent);

        var dashboard = await TextAsync(martin, "/");
        Assert.Contains("1 portage terminé", dashboard, StringComparison.Ordinal);
        Assert.Contains("3 utilisateurs sur ce compte.", dashboard, StringComparison.Ordinal);
        Assert.Contains("et 2 autres", await TextAsync(durand, "/portage/statut"), StringComparison.Ordinal);
        Assert.Matches(@"\d+ demandes? sur cette page", await TextAsync(support, "/support/portages"));

        foreach (var text in new[] { dashboard, await TextAsync(durand, "/portage/statut"), await TextAsync(support, "/support/portages") })
        {
            Assert.DoesNotMatch(ParenthesisedPlural(), text);
        }
    }

    [Fact]
    public async Task Support_sees_names_and_dates_not_internal_codes_and_an_address_without_a_stray_space()
    {
        var durand = await PortalClient.SignedInAsync(portal.Factory, DemoData.DurandAdmin);
        var list = await (await durand.GetAsync("/portage/statut")).ReadHtmlAsync();
        var office = list.QuerySelectorAll("tr").First(r => r.TextContent.Contains("05 56 44 10 20", StringComparison.Ordinal))
            .QuerySelector("a[href^='/portage/']")!.GetAttribute("href")!;
        var support = await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent);

        var page = await TextAsync(support, "/support" + office.Replace("/portage/", "/portages/", StringComparison.Ordinal));

        Assert.Contains("OVH (préfixe RIO F6)", page, StringComparison.Ordinal);
        Assert.Contains("3 cours de l'Intendance, 33000 Bordeaux", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" ,", page, StringComparison.Ordinal);
        Assert.Contains("conditions version de", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-(fr|en)\b", page);
    }

    [Fact]
    public async Task The_mandate_speaks_of_the_temporary_number_only_for_an_account_that_has_one()
    {
        async Task<string> MandateAsync(string admin, string number)
        {
            var client = await PortalClient.SignedInAsync(portal.Factory, admin);
            var list = await (await client.GetAsync("/portage/statut")).ReadHtmlAsync();
            var link = list.QuerySelectorAll("tr").First(r => r.TextContent.Contains(number, StringComparison.Ordinal))
                .QuerySelector("a[href^='/portage/']")!.GetAttribute("href")!;
            return Encoding.Latin1.GetString(await client.GetByteArrayAsync(link + "/mandat.pdf"));
        }

        // Boulangerie Martin's temporary number went with its first port; Cabinet Durand still has its own.
        Assert.DoesNotContain("temporaire", await MandateAsync(DemoData.BoulangerieAdmin, "04 78 12 34 56"), StringComparison.Ordinal);
        Assert.Contains("Numéro temporaire : libéré à la fin du portage", await MandateAsync(DemoData.DurandAdmin, "05 56 44 10 20"), StringComparison.Ordinal);
    }
}
