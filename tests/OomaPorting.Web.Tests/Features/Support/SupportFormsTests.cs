using System.Net;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Numbers;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>
/// Support's request page after a refused action: the message stands at its field too (not only in the summary), the
/// field is marked invalid and described by it, and what the agent chose is kept; the test call is offered only from
/// the FOC date (issue 14, point 10).
/// </summary>
public class SupportFormsTests : IClassFixture<ClockedPortal>
{
    private readonly ClockedPortal _portal;

    public SupportFormsTests(ClockedPortal portal) => _portal = portal;

    [Fact]
    public async Task A_refused_foc_date_is_shown_at_its_field_marked_invalid()
    {
        var (id, _) = await Wizard.SubmittedAsync(_portal.Factory);
        var support = await SupportDesk.SignInAsync(_portal.Factory);
        await support.CheckDocumentsAsync(id);

        var refused = await support.ActAsync(id, "ccf", new() { ["FocDate"] = "2026-12-05" }); // a Saturday

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadHtmlAsync();
        var field = page.QuerySelector("#SetFocDate_FocDate")!;
        var message = page.QuerySelector("#SetFocDate_FocDate-error")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal("SetFocDate_FocDate-error", field.GetAttribute("aria-describedby"));
        Assert.Equal("2026-12-05", field.GetAttribute("value"));
        Assert.Contains(message.TextContent.Trim(), page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#SetFocDate_Comment")!.GetAttribute("aria-invalid"));
    }

    /// <summary>The "Nouveau message" box says its refusal beside it too (it was in the summary only; issue 36, point 22).</summary>
    [Fact]
    public async Task A_refused_message_is_shown_at_its_box_marked_invalid_and_keeps_what_was_typed()
    {
        var (id, _) = await Wizard.SubmittedAsync(_portal.Factory);
        var support = await SupportDesk.SignInAsync(_portal.Factory);
        var form = await HtmlForm.ForActionAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages");
        form.Set("Body", "   "); // only spaces: nothing to send
        var refused = await form.SubmitAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadHtmlAsync();
        var box = page.QuerySelector("#Message_Body")!;
        var message = page.QuerySelector("#Message_Body-error")!;
        Assert.Equal("true", box.GetAttribute("aria-invalid"));
        Assert.Equal("Message_Body-error", box.GetAttribute("aria-describedby"));
        Assert.Equal("   ", box.TextContent);
        Assert.Contains(message.TextContent.Trim(), page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_test_call_is_offered_from_the_foc_date_and_a_refused_result_keeps_what_the_agent_chose()
    {
        // Its own portal: the clock moves forward here, and a fake clock cannot go back for the other tests.
        var clock = new FakeTimeProvider(ClockedPortal.Start);
        using var factory = new PortalFactory { Clock = clock };
        var (id, _) = await Wizard.SubmittedAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-02" });
        var before = await (await support.Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.Null(before.QuerySelector("form[action$='/appel-test']"));

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(factory);
        var onTheDay = await (await support.Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.NotNull(onTheDay.QuerySelector("form[action$='/appel-test']"));
        await support.DoAsync(id, "appel-test", []);

        // A failed call with a new date but no note: refused, the choice and the date stay as typed.
        var refused = await support.ActAsync(id, "resultat-appel", new() { ["Outcome"] = "failed-new-date", ["NewFocDate"] = "2026-12-04" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadHtmlAsync();
        Assert.True(page.QuerySelector("#RecordTestCall_Outcome_date")!.HasAttribute("checked"));
        Assert.False(page.QuerySelector("#RecordTestCall_Outcome")!.HasAttribute("checked"));
        Assert.Equal("2026-12-04", page.QuerySelector("#RecordTestCall_NewFocDate")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#RecordTestCall_Note")!.GetAttribute("aria-invalid"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#RecordTestCall_Note-error")?.TextContent));
    }

    [Fact]
    public async Task A_done_action_is_confirmed_once_in_a_status_region()
    {
        var (id, _) = await Wizard.SubmittedAsync(_portal.Factory);
        var support = await SupportDesk.SignInAsync(_portal.Factory);
        await support.CheckDocumentsAsync(id);

        var done = await support.ActAsync(id, "ccf", new() { ["FocDate"] = "2026-12-09" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var next = await (await support.Client.GetAsync(done.Headers.Location)).ReadHtmlAsync();
        var confirmation = next.QuerySelector("main [role=status][data-confirmation]");
        Assert.Equal("Date de portage enregistrée.", confirmation?.TextContent.Trim());
        var again = await (await support.Client.GetAsync(done.Headers.Location)).ReadHtmlAsync();
        Assert.Null(again.QuerySelector("[data-confirmation]"));

        var refused = await support.ActAsync(id, "ccf", new() { ["FocDate"] = "2026-12-05" });
        Assert.Null((await refused.ReadHtmlAsync()).QuerySelector("[data-confirmation]"));
    }
}
