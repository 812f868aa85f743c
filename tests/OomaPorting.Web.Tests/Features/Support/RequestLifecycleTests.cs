using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Accounts;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>The whole life of a request over HTTP, from both sides, on a clock the test moves.</summary>
public class RequestLifecycleTests
{
    /// <summary>Tuesday 1 December 2026, 08:00 UTC (09:00 in Paris).</summary>
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static (PortalFactory Factory, FakeTimeProvider Clock) NewPortal()
    {
        var clock = new FakeTimeProvider(Start);
        return (new PortalFactory { Clock = clock }, clock);
    }

    private static async Task<(Guid Id, string Main, Wizard Wizard)> SubmitAsync(PortalFactory factory, bool keepTemporary = false)
    {
        var wizard = await Wizard.StartAsync(factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main);
        var fields = Wizard.Signature(FrenchNumber.Parse(main).E164);
        if (keepTemporary)
        {
            fields["Command.KeepTemporaryNumber"] = "true"; // offered only to an account that has a temporary number
        }
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, fields)).StatusCode);
        return (id, main, wizard);
    }

    [Fact]
    public async Task Submit_foc_set_and_moved_test_call_failed_then_passed_completes_into_the_account()
    {
        var (factory, clock) = NewPortal();
        using var _ = factory;
        var (id, main, wizard) = await SubmitAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        var reference = wizard.Load(id)!.Reference!;

        // The queue finds it by reference and by number.
        var byRef = await (await support.Client.GetAsync("/support/portages?Search=" + reference)).ReadHtmlAsync();
        Assert.Single(byRef.QuerySelectorAll("tbody tr"));
        var byNumber = await (await support.Client.GetAsync("/support/portages?Search=" + Uri.EscapeDataString(main))).ReadHtmlAsync();
        Assert.Contains(reference, byNumber.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        await support.CheckDocumentsIfWaitingAsync(id);

        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        var customer = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Contains("15 décembre 2026", customer.QuerySelector(".summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Date de portage confirmée", customer.QuerySelector(".status-badge")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("À l'opérateur", customer.QuerySelector(".next-step")!.TextContent, StringComparison.Ordinal);
        var ics = await wizard.Client.GetAsync($"/portage/{id}/ccf.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        Assert.True(ics.Headers.CacheControl?.NoStore, "The calendar file must not be kept by a cache.");
        var mandate = await wizard.Client.GetAsync($"/portage/{id}/mandat.pdf");
        Assert.Equal("application/pdf", mandate.Content.Headers.ContentType?.MediaType);
        Assert.True(mandate.Headers.CacheControl?.NoStore, "The signed mandate must not be kept by a cache.");
        var calendar = await ics.Content.ReadAsStringAsync();
        Assert.Contains("DTSTART;VALUE=DATE:20261215\r\n", calendar, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar, StringComparison.Ordinal);

        await support.CheckDocumentsIfWaitingAsync(id);

        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-16", ["Comment"] = "Report demandé par Orange" });
        var moved = wizard.Load(id)!.Events.Single(e => e.Kind == PortRequestEventKind.FocDateMoved);
        Assert.Equal((new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 16)), (moved.OldFocDate, moved.NewFocDate));

        // Before the FOC date the test call is refused by the domain, with a message.
        var early = await support.ActAsync(id, "appel-test", []);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("avant la date de portage", Wizard.ErrorSummary(await early.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(factory);
        await support.DoAsync(id, "appel-test", []);
        await support.DoAsync(id, "resultat-appel", new() { ["Outcome"] = "failed-new-date", ["Note"] = "Pas de tonalité sur la ligne principale", ["NewFocDate"] = "2026-12-18" });
        Assert.Equal(PortRequestStatus.FocConfirmed, wizard.Load(id)!.Status);

        clock.SetUtcNow(new DateTimeOffset(2026, 12, 18, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(factory);
        await support.DoAsync(id, "appel-test", []);
        await support.DoAsync(id, "resultat-appel", new() { ["Outcome"] = "passed" });

        var done = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Completed, done.Status);
        Assert.All(done.Lines, l => Assert.Equal(PortLineStatus.Ported, l.Status));
        Assert.Equal(
            [PortRequestEventKind.Created, PortRequestEventKind.Submitted, PortRequestEventKind.DocumentsChecked, PortRequestEventKind.FocDateSet, PortRequestEventKind.FocDateMoved,
             PortRequestEventKind.TestCallStarted, PortRequestEventKind.TestCallFailed, PortRequestEventKind.TestCallStarted, PortRequestEventKind.TestCallPassed],
            done.Events.OrderBy(e => e.Sequence).Select(e => e.Kind));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Accounts.IgnoreQueryFilters().Include(a => a.Numbers).SingleAsync(a => a.Id == done.AccountId);
            Assert.Equal(FrenchNumber.Parse(main), account.MainNumber);
            Assert.All(done.Lines, l => Assert.Contains(account.Numbers, n => n.Number == l.Number && n.Kind == AccountNumberKind.Ported));
        }

        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var status = await (await admin.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Equal("Terminée", status.QuerySelector(".status-badge")!.TextContent.Trim());
        Assert.Equal(4, status.QuerySelectorAll(".tracker li.done").Length);
        var postes = await (await admin.GetAsync("/postes")).ReadHtmlAsync();
        var mainRow = postes.QuerySelectorAll("tbody tr").First(tr => tr.TextContent.Contains(FrenchNumber.Parse(main).Display, StringComparison.Ordinal));
        Assert.Contains("Principal", mainRow.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_replaces_the_temporary_number_or_keeps_it_as_virtual_and_postes_prices_follow()
    {
        var (factory, clock) = NewPortal();
        using var _ = factory;

        // Cabinet Durand has never ported: its main number is the temporary one.
        var wizard = await Wizard.StartAsync(factory, DemoData.DurandAdmin);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main);
        var fields = Wizard.Signature(FrenchNumber.Parse(main).E164, "Jean Durand");
        fields["Command.KeepTemporaryNumber"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, fields)).StatusCode);

        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-03" });
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(factory);
        await support.DoAsync(id, "appel-test", []);
        await support.DoAsync(id, "resultat-appel", new() { ["Outcome"] = "passed" });

        var admin = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        var postes = await (await admin.GetAsync("/postes")).ReadHtmlAsync();
        var text = postes.QuerySelector("table")!.TextContent;
        Assert.Contains("09 72 40 50 60", text, StringComparison.Ordinal);
        Assert.Contains("Numéro virtuel", text, StringComparison.Ordinal);

        // Two ported numbers and a virtual one, nobody assigned yet: the main number is included, the others cost 9.95 each.
        Assert.Contains("19,90 €", postes.QuerySelector("tfoot")!.TextContent, StringComparison.Ordinal);

        // Giving the second ported number to a user without one makes it free.
        var second = wizard.Load(id)!.Lines.Single(l => !l.IsMainLine).Number;
        string claire;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            claire = (await db.Users.SingleAsync(u => u.Email == DemoData.DurandUser)).Id;
        }

        var assigned = await PortalClient.PostFormAsync(admin, "/postes", "/postes/attribuer", new Dictionary<string, string> { ["Number"] = second.E164, ["UserId"] = claire });
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        var after = await (await admin.GetAsync("/postes")).ReadHtmlAsync();
        Assert.Contains("9,95 €", after.QuerySelector("tfoot")!.TextContent, StringComparison.Ordinal);

        // A user of the account reads the tab but cannot assign.
        var user = await PortalClient.SignedInAsync(factory, DemoData.DurandUser);
        // (No form is shown to a user: what a forged post does.)
        var refused = await PortalClient.PostForgedAsync(user, "/postes", "/postes/attribuer", new Dictionary<string, string> { ["Number"] = second.E164, ["UserId"] = "" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // Another account's number cannot be assigned.
        var other = await PortalClient.PostForgedAsync(admin, "/postes", "/postes/attribuer", new Dictionary<string, string> { ["Number"] = "01 42 60 30 10", ["UserId"] = claire });
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Contains("pas sur votre compte", Wizard.ErrorSummary(await other.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_required_reopens_only_the_holder_step_and_the_fix_is_resubmitted_with_a_new_signature()
    {
        var (factory, _) = NewPortal();
        using var __ = factory;
        var (id, main, wizard) = await SubmitAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);

        var noReason = await support.ActWithReasonsAsync(id, "renvoyer", new() { ["Message"] = "x" });
        Assert.Contains("au moins un motif", Wizard.ErrorSummary(await noReason.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(PortRequestStatus.Submitted, wizard.Load(id)!.Status);

        var sent = await support.ActWithReasonsAsync(id, "renvoyer", new() { ["Message"] = "Orange indique « SARL Martin Boulangerie » comme titulaire." }, "HolderMismatch");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var page = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Contains("Le nom du titulaire ne correspond pas", page.QuerySelector(".alert-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/portage/{id}/adresse", page.QuerySelector(".alert-danger a.btn")!.GetAttribute("href"));
        Assert.Contains("À vous", page.QuerySelector(".next-step")!.TextContent, StringComparison.Ordinal);

        // Steps not tied to the reason stay closed.
        var closed = await wizard.Client.GetAsync($"/portage/{id}/numeros");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal($"/portage/{id}", closed.Headers.Location!.OriginalString);

        await wizard.StepAsync(id, "adresse", new Dictionary<string, string>
        {
            ["FirstName"] = "Marie", ["LastName"] = "Martin", ["CompanyName"] = "SARL Martin Boulangerie", ["Siret"] = "44351209800015",
            ["Street"] = "8 rue des Boulangers", ["PostalCode"] = "75005", ["City"] = "Paris",
        }, "justificatifs"); // a holder mismatch reopens the documents too: a newer bill may be what proves the holder
        var check = await (await wizard.Client.GetAsync($"/portage/{id}/signature")).ReadHtmlAsync();
        Assert.Equal(["adresse", "justificatifs"], check.QuerySelectorAll(".summary-list a[href$='?retour=signature']")
            .Select(a => a.GetAttribute("href")!.Split('/')[3].Split('?')[0]));
        var resubmit = await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164));
        Assert.True(resubmit.StatusCode == HttpStatusCode.Redirect, string.Join("\n", factory.Logs.Events.Where(e => e.Exception is not null).Select(e => e.Exception!.ToString())));

        var r = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Submitted, r.Status);
        Assert.Equal(2, r.Mandates.Count);
        Assert.Contains("SARL Martin Boulangerie", r.Mandates.OrderBy(m => m.Sequence).Last().CanonicalText, StringComparison.Ordinal);
        Assert.Equal(
            [PortRequestEventKind.Created, PortRequestEventKind.Submitted, PortRequestEventKind.ActionRequired, PortRequestEventKind.Resubmitted],
            r.Events.OrderBy(e => e.Sequence).Select(e => e.Kind));
    }

    [Fact]
    public async Task The_second_of_two_agents_gets_modified_meanwhile_and_overwrites_nothing()
    {
        var (factory, _) = NewPortal();
        using var __ = factory;
        var (id, _, wizard) = await SubmitAsync(factory);
        var first = await SupportDesk.SignInAsync(factory);
        var second = await SupportDesk.SignInAsync(factory);
        var seen = await second.VersionAsync(id);

        await first.CheckDocumentsIfWaitingAsync(id);

        await first.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        var stale = await second.ActAsync(id, "ccf", new() { ["FocDate"] = "2026-12-17" }, version: seen);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var doc = await stale.ReadHtmlAsync();
        Assert.Contains("modifiée entre-temps", doc.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("15 décembre 2026", doc.QuerySelector(".summary-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 15), wizard.Load(id)!.FocDate);
    }

    [Fact]
    public async Task Late_flags_follow_the_clock()
    {
        var (factory, clock) = NewPortal();
        using var _ = factory;
        var (waiting, _, wizard) = await SubmitAsync(factory);
        var (dated, _, _) = await SubmitAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(dated);
        await support.DoAsync(dated, "ccf", new() { ["FocDate"] = "2026-12-03" });

        async Task<string[]> LateReferences()
        {
            var desk = await SupportDesk.SignInAsync(factory);
            var doc = await (await desk.Client.GetAsync("/support/portages?Late=true")).ReadHtmlAsync();
            return [.. doc.QuerySelectorAll("tbody tr[data-request]").Select(tr => tr.GetAttribute("data-request")!)];
        }

        var waitingRef = wizard.Load(waiting)!.Reference!;
        var datedRef = wizard.Load(dated)!.Reference!;
        Assert.DoesNotContain(waitingRef, await LateReferences());
        Assert.DoesNotContain(datedRef, await LateReferences());

        // 3 December: the waiting one's documents were not checked the working day after: late; checked, it is not.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        Assert.Contains(waitingRef, await LateReferences());
        await (await SupportDesk.SignInAsync(factory)).CheckDocumentsAsync(waiting); // a new sign-in: two days went by
        Assert.DoesNotContain(waitingRef, await LateReferences());

        // 4 December: the FOC date (3rd) passed without a test call.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        Assert.Contains(datedRef, await LateReferences());
        Assert.DoesNotContain(waitingRef, await LateReferences());

        // 15 December is 10 working days after the 1st; the 16th is one more: no FOC date yet is late.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));
        Assert.DoesNotContain(waitingRef, await LateReferences());
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.Zero));
        Assert.Contains(waitingRef, await LateReferences());
    }

    [Fact]
    public async Task The_admin_cancels_until_two_working_days_before_the_foc_date_and_then_is_told_why_not()
    {
        var (factory, clock) = NewPortal();
        using var _ = factory;
        var (early, _, wizard) = await SubmitAsync(factory);
        var (late, _, _) = await SubmitAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(late);
        await support.DoAsync(late, "ccf", new() { ["FocDate"] = "2026-12-08" });
        await support.CheckDocumentsIfWaitingAsync(early);
        await support.DoAsync(early, "ccf", new() { ["FocDate"] = "2026-12-15" });

        // Friday 4 December: the 8th is two working days away (Mon 7, Tue 8).
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var lateCancelPage = await (await admin.GetAsync($"/portage/{late}/annuler")).ReadHtmlAsync();
        Assert.Null(lateCancelPage.QuerySelector("form[action$='/annuler']"));
        Assert.Contains("deux jours ouvrés ou moins", lateCancelPage.Body!.TextContent, StringComparison.Ordinal);
        var refused = await PortalClient.PostForgedAsync(admin, $"/portage/{early}/annuler", $"/portage/{late}/annuler", new Dictionary<string, string>());
        Assert.Contains("deux jours ouvrés ou moins", Wizard.ErrorSummary(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(PortRequestStatus.FocConfirmed, wizard.Load(late)!.Status);

        var cancelled = await PortalClient.PostFormAsync(admin, $"/portage/{early}/annuler", $"/portage/{early}/annuler", new Dictionary<string, string> { ["Reason"] = "Nous déménageons" });
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(PortRequestStatus.Cancelled, wizard.Load(early)!.Status);

        var user = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieUser);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync($"/portage/{late}/annuler")).StatusCode);
    }

    [Fact]
    public async Task Internal_notes_never_reach_a_customer_page_and_messages_go_both_ways()
    {
        var (factory, _) = NewPortal();
        using var _ = factory;
        var (id, _, wizard) = await SubmitAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        await PortalClient.PostFormAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "NOTE-INTERNE-7f3a : le client a un contentieux avec Orange", ["Internal"] = "true" });
        await PortalClient.PostFormAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "Bonjour, pouvez-vous confirmer le RIO ?" });
        var reply = await PortalClient.PostForgedAsync(wizard.Client, $"/portage/{id}", $"/portage/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "<b>Oui</b>, le RIO est correct.", ["Internal"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);

        foreach (var who in new[] { DemoData.BoulangerieAdmin, DemoData.BoulangerieUser })
        {
            var client = await PortalClient.SignedInAsync(factory, who);
            foreach (var path in new[] { $"/portage/{id}", "/portage/statut", "/", $"/portage/{id}/mandat.pdf" })
            {
                var body = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
                Assert.DoesNotContain("NOTE-INTERNE-7f3a", body, StringComparison.Ordinal);
            }

            var detail = await (await client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
            var thread = detail.QuerySelector(".messages")!.TextContent;
            Assert.Contains("pouvez-vous confirmer le RIO", thread, StringComparison.Ordinal);
            Assert.Contains("<b>Oui</b>, le RIO est correct.", thread, StringComparison.Ordinal);
            Assert.Null(detail.QuerySelector(".messages b"));
        }

        // An admin's "internal" flag is ignored: the customer's message is public, and support sees the note.
        var supportPage = await (await support.Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.Contains("NOTE-INTERNE-7f3a", supportPage.QuerySelector(".messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, supportPage.QuerySelectorAll(".message-internal").Length);

        var user = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieUser);
        var userPost = await PortalClient.PostForgedAsync(user, $"/portage/{id}", $"/portage/{id}/messages", new Dictionary<string, string> { ["Body"] = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, userPost.StatusCode);
    }

    [Fact]
    public async Task Another_account_and_non_support_users_cannot_read_or_act()
    {
        var (factory, _) = NewPortal();
        using var _ = factory;
        var (id, _, _) = await SubmitAsync(factory);
        var other = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        foreach (var path in new[] { $"/portage/{id}", $"/portage/{id}/ccf.ics", $"/portage/{id}/annuler", $"/portage/{id}/mandat.pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(path)).StatusCode);
        }

        var post = await PortalClient.PostForgedAsync(other, "/portage/statut", $"/portage/{id}/messages", new Dictionary<string, string> { ["Body"] = "hello" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var cancel = await PortalClient.PostForgedAsync(other, "/portage/statut", $"/portage/{id}/annuler", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/support/portages/{id}")).StatusCode);
        var forged = await PortalClient.PostForgedAsync(other, "/portage/statut", $"/support/portages/{id}/ccf", new Dictionary<string, string> { ["Version"] = "2", ["FocDate"] = "2026-12-15" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }
}
