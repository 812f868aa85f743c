using System.Net;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Forms;

/// <summary>
/// Every form that carries the request's version, posted with a version the request had before: the one policy of
/// the house answers 409, shows the message and the request as it is now, and changes nothing.
/// </summary>
public class StaleFormTests : IClassFixture<ClockedPortal>
{
    private readonly ClockedPortal _portal;

    public StaleFormTests(ClockedPortal portal) => _portal = portal;

    public static TheoryData<string, string> SupportForms => new()
    {
        { "ccf", "Submitted" },
        { "pieces-verifiees", "Submitted" },
        { "appel-test", "FocConfirmed" },
        { "resultat-appel", "TestCall" },
        { "renvoyer", "Submitted" },
        { "annuler", "Submitted" },
    };

    [Theory]
    [MemberData(nameof(SupportForms))]
    public async Task A_support_form_posted_with_a_stale_version_answers_409_with_the_fresh_state(string action, string state)
    {
        var (id, wizard) = await Wizard.SubmittedAsync(_portal.Factory);
        var support = await SupportDesk.SignInAsync(_portal.Factory);
        if (action == "ccf")
        {
            await support.CheckDocumentsAsync(id); // a first FOC date follows the pre-check
        }

        if (state is "FocConfirmed" or "TestCall")
        {
            await support.CheckDocumentsIfWaitingAsync(id);
            await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-01" });
        }

        if (state == "TestCall")
        {
            await support.DoAsync(id, "appel-test", []);
        }

        var before = wizard.Load(id)!;
        Assert.Equal(state, before.Status.ToString());
        var fields = new Dictionary<string, string>
        {
            ["FocDate"] = "2026-12-15",
            ["Outcome"] = "passed",
            ["Reasons"] = nameof(ReasonCode.HolderMismatch),
            ["Message"] = "Le nom ne correspond pas",
            ["Reason"] = "Doublon",
        };

        var stale = await support.ActAsync(id, action, fields, version: before.Version - 1);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await stale.ReadHtmlAsync();
        Assert.Contains("modifiée entre-temps", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("input[name=Version]")?.GetAttribute("value"));
        var after = wizard.Load(id)!;
        Assert.Equal((before.Status, before.Version, before.FocDate), (after.Status, after.Version, after.FocDate));

        // The same post with the version shown now goes through: the 409 was the version's doing.
        var current = await support.ActAsync(id, action, fields);
        Assert.Equal(HttpStatusCode.Redirect, current.StatusCode);
    }

    [Fact]
    public async Task The_customers_cancel_form_posted_after_support_set_the_foc_date_answers_409_and_cancels_nothing()
    {
        var (id, wizard) = await Wizard.SubmittedAsync(_portal.Factory);
        var cancelPage = await (await wizard.Client.GetAsync($"/portage/{id}/annuler")).ReadHtmlAsync();
        var seen = cancelPage.QuerySelector("form[action$='/annuler'] input[name=Version]")!.GetAttribute("value")!;
        var support = await SupportDesk.SignInAsync(_portal.Factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-21" });

        var stale = await PortalClient.PostFormAsync(wizard.Client, $"/portage/{id}/annuler", $"/portage/{id}/annuler",
            new Dictionary<string, string> { ["Version"] = seen, ["Reason"] = "Nous restons chez SFR" });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var page = await stale.ReadHtmlAsync();
        Assert.Contains("modifiée entre-temps", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(PortRequestStatus.FocConfirmed, wizard.Load(id)!.Status);
    }
}
