using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// The states a walk found wider than a 320 px window or with targets too small, which the page-by-page visit above
/// does not reach (issue 36, points 19 and 21): the documents step with a bill attached, the English webhooks page and
/// dashboard, a request page whose numbers can be filtered (in English, where the links are longest), and the support
/// dashboard with its tables opened (its landmarks named apart, its summaries showing the focus ring, point 22). axe
/// (WCAG 2.2 AA, target size included) runs on each.
/// </summary>
[Collection(nameof(SharedBrowser))]
public class SmallScreenStatesTests(BrowserPortal portal)
{
    private const int Width = 320;
    private const int Height = 640;

    private static async Task CheckAsync(IPage page, string name, List<string> problems)
    {
        if (await SmallScreenTests.OverflowAsync(page) is { } wide)
        {
            problems.Add(wide);
        }

        try
        {
            await BrowserPortal.CheckAsync(page, "320-" + name);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            problems.Add(e.Message);
        }
    }

    [BrowserFact]
    public async Task The_states_found_too_wide_or_too_small_to_touch_fit_a_320_pixel_window()
    {
        var problems = new List<string>();
        var (id, _, _) = await portal.SubmittedRequestAsync("Boulangerie Martin");
        using (var scope = portal.Services.CreateScope())
        {
            // The carrier refuses one of its two numbers: the numbers can now be filtered by outcome.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var r = await db.PortRequests.IgnoreQueryFilters().Include(x => x.Lines).SingleAsync(x => x.Id == id);
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            var support = new Domain.Common.Actor("support-320", Domain.Common.ActorRole.Support, "Support");
            r.RefuseNumbers(support, [r.Lines.OrderBy(l => l.Position).Last().Number], Domain.Porting.ReasonCode.NumberInactive, "Ligne résiliée", now);
            await db.SaveChangesAsync();
        }

        foreach (var locale in new[] { "fr-FR", "en" })
        {
            var admin = await portal.SignInAsync(DemoData.BoulangerieAdmin, locale: locale, width: Width, height: Height);
            foreach (var (path, name) in new[] { ("/", "accueil"), ($"/portage/{id}", "demande-filtre"), ("/integrations/webhooks", "webhooks") })
            {
                await admin.GotoAsync(path);
                await CheckAsync(admin, $"etats-{locale}-{name}", problems);
            }

            // The documents step of a new draft, a bill attached.
            await admin.GotoAsync("/portage");
            await admin.ClickAsync("main form button[type=submit]");
            var draft = admin.Url;
            await admin.GotoAsync(draft.Replace("/type", "/justificatifs", StringComparison.Ordinal));
            await admin.SetInputFilesAsync("#Command_Files", new FilePayload
            {
                Name = "facture-orange-novembre-2026-boulangerie-martin.pdf", MimeType = "application/pdf", Buffer = Domain.Porting.PortRequestBuilder.SampleBillPdf,
            });
            await admin.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
            await admin.WaitForSelectorAsync("#documents");
            await CheckAsync(admin, $"etats-{locale}-justificatifs", problems);
            await admin.Context.CloseAsync();

            var desk = await portal.SignInAsync(DemoData.SupportAgent, locale: locale, width: Width, height: Height);
            await desk.GotoAsync("/support/tableau-de-bord");
            foreach (var summary in await desk.Locator("main details > summary").AllAsync())
            {
                await summary.ClickAsync();
            }

            await CheckAsync(desk, $"etats-{locale}-tableau-de-bord-ouvert", problems);

            // Each landmark has a name of its own (two were "Par opérateur"), and a summary shows the portal's focus ring.
            var names = await desk.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('main section[aria-labelledby], main [role=region]')]
                .map(e => e.getAttribute('aria-label') || document.getElementById(e.getAttribute('aria-labelledby'))?.textContent.trim())");
            problems.AddRange(names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => $"{locale}: {g.Count()} landmarks named « {g.Key} »"));
            await desk.Locator("main details > summary").First.FocusAsync();
            await desk.Keyboard.PressAsync("Shift+Tab");
            await desk.Keyboard.PressAsync("Tab");
            var ring = await desk.EvaluateAsync<string>("() => document.activeElement.tagName + ' ' + getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement).outlineWidth");
            if (ring != "SUMMARY solid 3px")
            {
                problems.Add($"{locale}: a focused summary shows « {ring} », not the portal's 3 px focus ring");
            }

            await desk.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
