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

/// <summary>
/// A block request through its whole life over HTTP: the carrier refuses some numbers, the others are ported on their
/// FOC date and join the account, the refused ones are fixed in a follow-up request and ported in turn.
/// </summary>
public class PartialPortTests(ClockedPortal fx) : IClassFixture<ClockedPortal>
{
    /// <summary>A request of Boulangerie Martin of <paramref name="main"/> and the block <paramref name="from"/> – <paramref name="to"/>, submitted.</summary>
    private async Task<(Guid Id, Wizard Wizard)> SubmitBlockAsync(string main, string from, string to)
    {
        fx.Clock.AdjustTime(ClockedPortal.Start); // each test starts on 1 December, whatever the one before moved to
        var wizard = await Wizard.StartAsync(fx.Factory);
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        await wizard.StepAsync(id, "numeros", new Dictionary<string, string>
        {
            ["Command.Lines[0].Number"] = main,
            ["Command.Lines[0].Rio"] = Wizard.RioFor("F0X1A2B3C", main),
            ["Command.RangeFrom"] = from,
            ["Command.RangeTo"] = to,
            ["Command.ReturnTo"] = "signature",
            ["action"] = "enregistrer",
        }, "signature");
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164))).StatusCode);
        return (id, wizard);
    }

    private static async Task<HttpResponseMessage> ChooseRefusedAsync(Wizard wizard, Guid id, string action, IEnumerable<Guid> lineIds)
    {
        var page = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        var token = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var version = page.QuerySelector("[data-refused] input[name=Version]")!.GetAttribute("value")!;
        List<KeyValuePair<string, string>> pairs = [new("__RequestVerificationToken", token), new("Version", version)];
        pairs.AddRange(lineIds.Select(l => new KeyValuePair<string, string>("LineIds", l.ToString())));
        return await wizard.Client.PostAsync($"/portage/{id}/numeros-refuses/{action}", new FormUrlEncodedContent(pairs));
    }

    /// <summary>The text of the e-mail of <paramref name="kind"/> queued for the request's admin.</summary>
    private async Task<(string Subject, string Text)> EmailAsync(Guid requestId, string kind)
    {
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var email = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.PortRequestId == requestId && m.Kind == kind && m.Recipient == DemoData.BoulangerieAdmin).OrderBy(m => m.CreatedAtUtc).LastAsync();
        return (email.Subject, email.TextBody.Replace('\u00a0', ' '));
    }

    private async Task<Domain.Accounts.Account> AccountAsync(Guid accountId)
    {
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Accounts.IgnoreQueryFilters().AsNoTracking().Include(a => a.Numbers).SingleAsync(a => a.Id == accountId);
    }

    [Fact]
    public async Task A_200_number_request_with_5_numbers_refused_completes_with_195_and_a_follow_up_ports_the_5()
    {
        var main = "01 48 20 01 00";
        var (id, wizard) = await SubmitBlockAsync(main, "01 48 20 01 01", "01 48 20 02 99");
        Assert.Equal(200, wizard.Load(id)!.Lines.Count);
        var accountId = wizard.Load(id)!.AccountId;
        var numbersBefore = (await AccountAsync(accountId)).Numbers.Count;
        var support = await SupportDesk.SignInAsync(fx.Factory);

        // Support names the refused numbers as a list: a range of four and one more, in any common form.
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        await support.DoAsync(id, "numeros-refuses", new()
        {
            ["Numbers"] = "01 48 20 02 10 - 01 48 20 02 13\n+33148200250",
            ["Reason"] = "RioInvalid",
            ["Comment"] = "Orange : RIO non reconnu pour ces SDA",
        });
        var r = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.FocConfirmed, r.Status);
        Assert.Equal(195, r.Lines.Count(l => l.Status == PortLineStatus.Confirmed));
        Assert.Equal(["+33148200210", "+33148200211", "+33148200212", "+33148200213", "+33148200250"],
            r.Lines.Where(l => l.Status == PortLineStatus.Refused).Select(l => l.Number.E164).Order());
        Assert.True(r.LinesAgreeWithStatus);
        var refusal = await EmailAsync(id, "NumbersRefused");
        Assert.Equal($"Portage {r.Reference} : 5 numéros refusés par votre opérateur", refusal.Subject);
        Assert.Contains("les 195 autres continuent leur portage", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("01 48 20 02 50 : Un RIO manque ou ne correspond pas à son numéro.", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("« Orange : RIO non reconnu pour ces SDA »", refusal.Text, StringComparison.Ordinal);

        // The FOC date moved: its e-mail is about the 195 numbers that go ahead, not the refused ones.
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-16" });
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        var moved = await EmailAsync(id, "FocDateMoved");
        Assert.Contains("Les 195 numéros concernés", moved.Text, StringComparison.Ordinal);
        // The first 50 are listed (the main line, then 01 01 to 01 49), then how many more: 195 - 50, the refused not counted.
        Assert.Contains("01 48 20 01 49", moved.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("01 48 20 01 50", moved.Text, StringComparison.Ordinal);
        Assert.Contains("… et 145 autres numéros, sur la page de la demande", moved.Text, StringComparison.Ordinal);

        // The customer sees which numbers were refused and why; every user of the account sees it, only the admin acts.
        var page = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        var refused = page.QuerySelector("[data-refused]")!;
        Assert.Contains("5 numéros refusés par votre opérateur", refused.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, refused.QuerySelectorAll("[data-refused-line] input[type=checkbox][checked]").Length);
        Assert.Contains("« Orange : RIO non reconnu pour ces SDA »", refused.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 numéros refusés, les autres continuent", page.QuerySelector("[data-line-count]")!.TextContent, StringComparison.Ordinal);
        var user = await PortalClient.SignedInAsync(fx.Factory, DemoData.BoulangerieUser);
        var userPage = await (await user.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Equal(5, userPage.QuerySelectorAll("[data-refused] [data-refused-line]").Length);
        Assert.Empty(userPage.QuerySelectorAll("[data-refused] form"));
        Assert.Contains("Un administrateur de votre compte peut", userPage.QuerySelector("[data-refused]")!.TextContent, StringComparison.Ordinal);

        // The admin takes the five into a follow-up: a draft of the same answers, opened on its numbers step.
        var refusedIds = r.Lines.Where(l => l.Status == PortLineStatus.Refused).Select(l => l.Id).ToList();
        var started = await ChooseRefusedAsync(wizard, id, "suite", refusedIds);
        Assert.True(started.StatusCode == HttpStatusCode.Redirect, fx.Factory.Logs.Events.Where(e => e.Exception is not null).Select(e => e.Exception!.ToString()).LastOrDefault());
        var followUpId = Guid.Parse(started.Headers.Location!.OriginalString.Split('/')[2]);
        Assert.Equal($"/portage/{followUpId}/numeros", started.Headers.Location!.OriginalString);
        var followUp = wizard.Load(followUpId)!;
        Assert.Equal((PortRequestStatus.Draft, id, r.Reference), (followUp.Status, followUp.FollowUpOfId, followUp.FollowUpOfReference));
        Assert.Equal(5, followUp.Lines.Count);
        Assert.Equal((r.CarrierCode, r.AccountHolder?.LastName), (followUp.CarrierCode, followUp.AccountHolder?.LastName));
        Assert.Empty(wizard.Load(id)!.LinesAwaitingCustomer);

        // Fixed: the main line of the follow-up gets its RIO; the refused numbers are free for it (not "under way" elsewhere).
        var first = "01 48 20 02 10";
        await wizard.StepAsync(followUpId, "numeros", new Dictionary<string, string>
        {
            ["Command.Lines[0].Number"] = first,
            ["Command.Lines[0].Rio"] = Wizard.RioFor("F0X9Z8Y7W", first),
            ["Command.Paste"] = "01 48 20 02 11\n01 48 20 02 12\n01 48 20 02 13\n01 48 20 02 50",
            ["action"] = "enregistrer",
        }, "adresse");
        var sign = await wizard.SignAsync(followUpId, Wizard.Signature(FrenchNumber.Parse(first).E164));
        Assert.Equal(HttpStatusCode.Redirect, sign.StatusCode);
        var followUpPage = await (await wizard.Client.GetAsync($"/portage/{followUpId}")).ReadHtmlAsync();
        Assert.Contains(r.Reference!, followUpPage.QuerySelector("[data-follow-up-of]")!.TextContent, StringComparison.Ordinal);
        var originalPage = await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Equal($"/portage/{followUpId}", originalPage.QuerySelector("[data-follow-up] a")!.GetAttribute("href"));
        Assert.Null(originalPage.QuerySelector("[data-refused]"));

        // FOC day: the 195 pass and join the account at once; the request is complete with the 5 refused shown as taken up.
        fx.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(fx.Factory);
        await support.DoAsync(id, "appel-test", []);
        await support.DoAsync(id, "resultat-appel", new() { ["Outcome"] = "passed" });
        r = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Completed, r.Status);
        Assert.Equal(195, r.Lines.Count(l => l.Status == PortLineStatus.Ported));
        Assert.True(r.LinesAgreeWithStatus);
        var account = await AccountAsync(accountId);
        Assert.Equal(numbersBefore + 195, account.Numbers.Count);
        Assert.Equal(FrenchNumber.Parse(main), account.MainNumber);
        Assert.DoesNotContain(account.Numbers, n => n.Number.E164 == "+33148200210");
        var completed = await EmailAsync(id, "Completed");
        Assert.Contains("Ces 195 numéros sont maintenant actifs", completed.Text, StringComparison.Ordinal);
        Assert.Contains("195 numéros portés ; 5 refusés par votre opérateur : 01 48 20 02 10, 01 48 20 02 11", completed.Text, StringComparison.Ordinal);
        // 195 ported numbers: the first 50 listed, then how many more (the page has them all).
        Assert.Contains("… et 145 autres numéros, sur la page de la demande", completed.Text, StringComparison.Ordinal);
        Assert.Equal(50, r.Lines.Where(l => l.Status == PortLineStatus.Ported).Count(l => completed.Text.Contains(l.Number.Display, StringComparison.Ordinal)));

        // Five numbers of the same carrier account are still with the old carrier (in the follow-up): the e-mail and
        // the page say not to end the contract yet, and which numbers wait (the guide's warning), never the opposite.
        Assert.DoesNotContain("Vous pouvez maintenant résilier", completed.Text, StringComparison.Ordinal);
        Assert.Contains("Ne résiliez pas encore votre contrat chez votre ancien opérateur : 5 numéros de ce compte opérateur ne sont pas encore portés", completed.Text, StringComparison.Ordinal);
        Assert.Contains("01 48 20 02 50", completed.Text[completed.Text.IndexOf("Ne résiliez", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var admin = await Wizard.StartAsync(fx.Factory); // signed in again: days went by
        var completedPage = await (await admin.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync();
        Assert.Contains("Ne résiliez pas encore", completedPage.QuerySelector("[data-old-carrier-wait]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Vous pouvez maintenant résilier", completedPage.Body!.TextContent, StringComparison.Ordinal);

        // Support's page of the follow-up says which request it follows and why (issue 36, point 12).
        var followUpDesk = await (await support.Client.GetAsync($"/support/portages/{followUpId}")).ReadHtmlAsync();
        var followsFrom = followUpDesk.QuerySelector("[data-follow-up-of]")!;
        Assert.Equal($"/support/portages/{id}", followsFrom.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(r.Reference!, followsFrom.TextContent, StringComparison.Ordinal);
        Assert.Contains("Orange : RIO non reconnu pour ces SDA", followsFrom.TextContent, StringComparison.Ordinal);

        // The follow-up goes its own way and brings the last five.
        await support.CheckDocumentsIfWaitingAsync(followUpId);
        await support.DoAsync(followUpId, "ccf", new() { ["FocDate"] = "2026-12-22" });
        fx.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 22, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(fx.Factory);
        await support.DoAsync(followUpId, "appel-test", []);
        await support.DoAsync(followUpId, "resultat-appel", new() { ["Outcome"] = "passed" });
        Assert.Equal(PortRequestStatus.Completed, wizard.Load(followUpId)!.Status);
        var last = await EmailAsync(followUpId, "Completed");
        Assert.Contains("Vous pouvez maintenant résilier les autres services de votre ancien opérateur", last.Text, StringComparison.Ordinal);
        account = await AccountAsync(accountId);
        Assert.Equal(numbersBefore + 200, account.Numbers.Count);
        Assert.All(r.Lines, l => Assert.Contains(account.Numbers, n => n.Number == l.Number && n.Kind == AccountNumberKind.Ported));
    }

    [Fact]
    public async Task Some_numbers_fail_the_test_call_the_others_join_at_once_and_the_failed_ones_are_withdrawn_by_the_customer()
    {
        var main = "01 48 21 00 00";
        var (id, wizard) = await SubmitBlockAsync(main, "01 48 21 00 01", "01 48 21 00 19");
        var accountId = wizard.Load(id)!.AccountId;
        var numbersBefore = (await AccountAsync(accountId)).Numbers.Count;
        var support = await SupportDesk.SignInAsync(fx.Factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        fx.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(fx.Factory);
        await support.DoAsync(id, "appel-test", []);

        // Bad lines are named at their line, all at once, and nothing changes.
        var version = await support.VersionAsync(id);
        var refused = await support.ActWithReasonsAsync(id, "resultat-appel", new()
        {
            ["Outcome"] = "failed-action-required",
            ["Note"] = "Deux SDA muettes",
            ["FailedNumbers"] = "01 48 21 00 18\n01 48 99 00 00\n01 48 21 00 1",
        }, "NumberInactive");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var summary = Wizard.ErrorSummary(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Ligne 2 (« 01 48 99 00 00 ») : ce numéro n'est pas dans cette demande", summary, StringComparison.Ordinal);
        Assert.Contains("Ligne 3 (« 01 48 21 00 1 »)", summary, StringComparison.Ordinal);
        Assert.Equal(version, await support.VersionAsync(id));

        var contradictory = await support.ActAsync(id, "resultat-appel", new() { ["Outcome"] = "passed", ["FailedNumbers"] = "01 48 21 00 18" });
        Assert.Contains("Un appel test réussi ne cite aucun numéro en échec", Wizard.ErrorSummary(await contradictory.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(version, await support.VersionAsync(id));

        var done = await support.ActWithReasonsAsync(id, "resultat-appel", new()
        {
            ["Outcome"] = "failed-action-required",
            ["Note"] = "Deux SDA muettes : numéros résiliés chez l'opérateur",
            ["FailedNumbers"] = "01 48 21 00 18 ; 01 48 21 00 19",
        }, "NumberInactive");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var r = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Completed, r.Status);
        Assert.Equal(18, r.Lines.Count(l => l.Status == PortLineStatus.Ported));
        Assert.Equal(numbersBefore + 18, (await AccountAsync(accountId)).Numbers.Count);

        var history = await (await support.Client.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        Assert.Contains("2 numéros en échec", history.QuerySelector("[data-line-count]")!.TextContent, StringComparison.Ordinal);

        // Withdrawing needs a number ticked; then the two are withdrawn and the page no longer asks (signed in again: days went by).
        wizard = await Wizard.StartAsync(fx.Factory);
        var none = await ChooseRefusedAsync(wizard, id, "retirer", []);
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Cochez au moins un numéro refusé", Wizard.ErrorSummary(await none.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var withdrawn = await ChooseRefusedAsync(wizard, id, "retirer", r.LinesAwaitingCustomer.Select(l => l.Id));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        r = wizard.Load(id)!;
        Assert.Equal(2, r.Lines.Count(l => l.Status == PortLineStatus.Withdrawn));
        Assert.Null((await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync()).QuerySelector("[data-refused]"));
    }

    [Fact]
    public async Task Numbers_that_failed_the_test_call_are_never_told_as_refused_by_the_carrier()
    {
        // Ten numbers: two refused by the carrier before the FOC date, one failing the test call, seven ported.
        var (id, wizard) = await SubmitBlockAsync("01 48 23 00 00", "01 48 23 00 01", "01 48 23 00 09");
        var support = await SupportDesk.SignInAsync(fx.Factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        await support.DoAsync(id, "numeros-refuses", new()
        {
            ["Numbers"] = "01 48 23 00 08\n01 48 23 00 09", ["Reason"] = "RioInvalid", ["Comment"] = "RIO non reconnu",
        });
        fx.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(fx.Factory);
        await support.DoAsync(id, "appel-test", []);
        var done = await support.ActWithReasonsAsync(id, "resultat-appel", new()
        {
            ["Outcome"] = "failed-action-required", ["Note"] = "SDA muette", ["FailedNumbers"] = "01 48 23 00 07",
        }, "NumberInactive");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var r = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Completed, r.Status);
        Assert.Equal((7, 3), (r.Lines.Count(l => l.Status == PortLineStatus.Ported), r.Lines.Count(l => l.Status == PortLineStatus.Refused)));
        Assert.Equal(["+33148230007"], r.Lines.Where(l => l.FailedTestCall).Select(l => l.Number.E164));

        // The customer's page says which outcome each number had.
        wizard = await Wizard.StartAsync(fx.Factory);
        var page = (await (await wizard.Client.GetAsync($"/portage/{id}")).ReadHtmlAsync()).Body!.TextContent;
        Assert.Matches(@"01 48 23 00 07\s*—\s*en échec à l'appel test", page);
        Assert.DoesNotMatch(@"01 48 23 00 07\s*—\s*refusé par l'opérateur", page);
        Assert.Matches(@"01 48 23 00 08[^—]*—\s*refusé par l'opérateur", page);

        // The completion e-mail counts them apart.
        var completed = await EmailAsync(id, "Completed");
        Assert.Contains("7 numéros portés ; 2 refusés par votre opérateur : 01 48 23 00 08, 01 48 23 00 09 ; 1 en échec à l'appel test : 01 48 23 00 07.",
            completed.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("3 refusés", completed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_of_numbers_another_account_owns_or_of_another_request_changes_nothing_and_another_account_cannot_choose()
    {
        var (id, wizard) = await SubmitBlockAsync("01 48 22 00 00", "01 48 22 00 01", "01 48 22 00 09");
        var support = await SupportDesk.SignInAsync(fx.Factory);
        var version = await support.VersionAsync(id);
        var all = await support.ActAsync(id, "numeros-refuses", new()
        {
            ["Numbers"] = "01 48 22 00 00 - 01 48 22 00 09",
            ["Reason"] = "HolderMismatch",
            ["Comment"] = "Titulaire différent",
        });
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Contains("renvoyez plutôt la demande", Wizard.ErrorSummary(await all.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(version, await support.VersionAsync(id));

        await support.DoAsync(id, "numeros-refuses", new() { ["Numbers"] = "01 48 22 00 09", ["Reason"] = "HolderMismatch", ["Comment"] = "Titulaire différent" });
        var line = wizard.Load(id)!.Lines.Single(l => l.Status == PortLineStatus.Refused).Id;

        // Cabinet Durand's admin: Martin's request is not found, whatever the line.
        var durand = await Wizard.StartAsync(fx.Factory, DemoData.DurandAdmin);
        var token = await PortalClient.TokenAsync(durand.Client, "/postes");
        var response = await PortalClient.PostWithTokenAsync(durand.Client, $"/portage/{id}/numeros-refuses/suite", token,
            new Dictionary<string, string> { ["Version"] = "0", ["LineIds"] = line.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(wizard.Load(id)!.LinesAwaitingCustomer.SingleOrDefault());
    }
}
