using Microsoft.Playwright;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// At WCAG 2.2's reflow width (320 × 640 CSS pixels) every page of every role is usable without scrolling the page
/// sideways: data tables scroll in their own captioned region, the numbers step's rows stack; axe stays clean
/// (issue 14, point 22).
/// </summary>
[Collection(nameof(SharedBrowser))]
public class SmallScreenTests(BrowserPortal portal)
{
    private const int Width = 320;
    private const int Height = 640;

    /// <summary>The page's width against the window's, with the elements that stick out when it is wider.</summary>
    internal static async Task<string?> OverflowAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        if (widths[0] <= widths[1])
        {
            return null;
        }

        var culprits = await page.EvaluateAsync<string[]>(@"() => {
            const w = window.innerWidth;
            return [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.table-scroll'))
                .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
                .slice(0, 4)
                .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
        }");
        return $"{page.Url}: {widths[0]} px wide in a {widths[1]} px window ({string.Join(", ", culprits)})";
    }

    private static async Task VisitAsync(IPage page, string path, string name, List<string> wide)
    {
        await page.GotoAsync(path);
        if (await OverflowAsync(page) is { } problem)
        {
            wide.Add(problem);
        }

        await BrowserPortal.CheckAsync(page, "320-" + name);
    }

    [BrowserFact]
    public async Task Every_page_of_every_role_fits_a_320_pixel_window()
    {
        var (id, _, _) = await portal.SubmittedRequestAsync("Boulangerie Martin");
        var wide = new List<string>();

        var anonymous = await portal.NewPageAsync(width: Width, height: Height);
        await VisitAsync(anonymous, "/compte/connexion", "connexion", wide);
        await VisitAsync(anonymous, "/portabilite?Number=01+23+45+67+89", "portabilite", wide);
        await VisitAsync(anonymous, "/aide", "aide", wide);
        await VisitAsync(anonymous, "/compte/invitation/lien-inconnu", "invitation-invalide", wide);

        var admin = await portal.SignInAsync(DemoData.BoulangerieAdmin, width: Width, height: Height);
        foreach (var (path, name) in new[]
        {
            ("/", "accueil"), ("/postes", "postes"), ("/portage/statut", "statut"), ($"/portage/{id}", "demande"),
            ($"/portage/{id}/annuler", "annuler"), ("/portage/telo-hub", "telo-hub"), ("/portage", "portage"), ("/utilisateurs", "utilisateurs"),
        })
        {
            await VisitAsync(admin, path, "admin-" + name, wide);
        }

        // A new draft through every step of the wizard, with two numbers on the numbers step.
        await admin.GotoAsync("/portage");
        await admin.ClickAsync("text=Démarrer un portage de numéro");
        var draft = admin.Url;
        if (await OverflowAsync(admin) is { } typeStep)
        {
            wide.Add(typeStep);
        }

        await BrowserPortal.CheckAsync(admin, "320-etape-type");
        await admin.CheckAsync("#Command_NumberType");
        await admin.ClickAsync("text=Enregistrer et continuer");
        await VisitAsync(admin, admin.Url, "etape-operateur", wide);
        await admin.SelectOptionAsync("#Command_CarrierCode", "F0");
        await admin.ClickAsync("text=Enregistrer et continuer");
        await VisitAsync(admin, admin.Url, "etape-compte", wide);
        await admin.FillAsync("#Command_AccountNumber", "FT-123456");
        await admin.CheckAsync("#Command_Internet");
        await admin.ClickAsync("text=Enregistrer et continuer");
        await admin.FillAsync("#Command_Lines_0__Number", "01 45 67 89 10");
        await admin.ClickAsync("button[value=ajouter]");
        await admin.ClickAsync("button[value=ajouter]");
        Assert.Equal(3, await admin.Locator("[data-line-row]").CountAsync());
        if (await OverflowAsync(admin) is { } numbersStep)
        {
            wide.Add(numbersStep);
        }

        // The remove buttons are on screen, and big enough to hit.
        var remove = await admin.Locator("button[value^=supprimer]").First.BoundingBoxAsync();
        Assert.True(remove is { Width: >= 24, Height: >= 24 } && remove.X + remove.Width <= Width, $"Remove button at {remove?.X}+{remove?.Width}");
        await BrowserPortal.CheckAsync(admin, "320-etape-numeros");
        foreach (var step in new[] { "adresse", "justificatifs", "signature" })
        {
            await VisitAsync(admin, draft.Replace("/type", "/" + step, StringComparison.Ordinal), "etape-" + step, wide);
        }

        var user = await portal.SignInAsync(DemoData.BoulangerieUser, width: Width, height: Height);
        await VisitAsync(user, "/portage/statut", "utilisateur-statut", wide);
        await VisitAsync(user, "/postes", "utilisateur-postes", wide);

        var support = await portal.SignInAsync(DemoData.SupportAgent, width: Width, height: Height);
        await VisitAsync(support, "/support/portages", "support-file", wide);
        await VisitAsync(support, $"/support/portages/{id}", "support-demande", wide);
        await VisitAsync(support, $"/support/portages/{id}/courriels", "support-courriels", wide);

        Assert.True(wide.Count == 0, "Pages wider than a 320 px window:\n" + string.Join("\n", wide));
    }
}
