using Microsoft.Playwright;
using OomaPorting.Web.Data;

namespace OomaPorting.Browser.Tests;

/// <summary>
/// Filter and assignment boxes sit below their heading and inside the page's column, and every choice of their lists
/// can be read whole in the closed list: the queue's box covered its heading and read "En cours (à tra", "Personne (à pr",
/// "Urgence (en re" (issue 36, point 18).
/// </summary>
[Collection(nameof(SharedBrowser))]
public class FormLayoutTests(BrowserPortal portal)
{
    /// <summary>What is wrong with the form at <paramref name="form"/> on the page: nothing when it is laid out right.</summary>
    private static async Task<string[]> ProblemsAsync(IPage page, string form) =>
        await page.EvaluateAsync<string[]>(@"(selector) => {
            const problems = [];
            const box = document.querySelector(selector);
            const r = box.getBoundingClientRect();
            let heading = box.previousElementSibling;
            while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
            if (heading && heading.getBoundingClientRect().bottom > r.top + 0.5)
                problems.push(`the box starts at ${r.top}px, above its heading's bottom (${heading.getBoundingClientRect().bottom}px)`);
            const column = box.closest('main .container, main') .getBoundingClientRect();
            const main = document.querySelector('main h1').getBoundingClientRect();
            if (r.left < main.left - 0.5) problems.push(`the box starts at ${r.left}px, left of the page's column (${main.left}px)`);
            const canvas = document.createElement('canvas').getContext('2d');
            for (const select of box.querySelectorAll('select')) {
                const style = getComputedStyle(select);
                canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                for (const option of select.options) {
                    const needed = canvas.measureText(option.text).width;
                    if (needed > room + 0.5) problems.push(`#${select.id}: « ${option.text} » needs ${Math.ceil(needed)}px, has ${Math.floor(room)}px`);
                }
            }
            return problems;
        }", form);

    [BrowserTheory]
    [InlineData("fr-FR")]
    [InlineData("en")]
    public async Task The_queue_filters_sit_below_the_heading_and_show_each_choice_whole(string locale)
    {
        var page = await portal.SignInAsync(DemoData.SupportAgent, locale: locale);
        await page.GotoAsync("/support/portages");
        var problems = await ProblemsAsync(page, "form[action='/support/portages']");
        Assert.True(problems.Length == 0, string.Join("\n", problems));
        await BrowserPortal.CheckAsync(page, "37-file-filtres-" + locale);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_postes_assignment_box_sits_below_its_heading()
    {
        var page = await portal.SignInAsync(DemoData.BoulangerieAdmin);
        await page.GotoAsync("/postes");
        var problems = await ProblemsAsync(page, "form[action='/postes/attribuer']");
        Assert.True(problems.Length == 0, string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
