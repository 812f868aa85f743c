using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingStatus;

/// <summary>
/// What became of each number is told the same way everywhere (issue 34, point 3; issue 36, point 5): after a port in
/// which the carrier refused some numbers, others failed the test call and the customer withdrew some of the refused,
/// the customer's page, support's page, the API, the webhook payload and the completion e-mail give the same count of
/// each outcome, and the one the domain holds. The fates are generated (CsCheck), each case a whole port through the
/// portal's own forms; a failure prints the fates and the seed to replay it.
/// </summary>
public partial class NumberOutcomesAgreeTests
{
    /// <summary>What the case makes of a number of the block (the main number is always ported).</summary>
    public enum Fate
    {
        Ported,
        RefusedByCarrier,
        RefusedThenWithdrawn,
        FailedTestCall,
    }

    private static readonly DateTimeOffset Start = ClockedPortal.Start;
    private static readonly DateOnly FocDate = new(2026, 12, 15);
    private static int cases;

    [Fact]
    public async Task Every_surface_counts_each_outcome_as_the_domain_does_after_any_partial_port()
    {
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Email:DispatcherEnabled"] = "false",
            ["Webhooks:DispatcherEnabled"] = "false",
        })
        { Clock = clock };
        await RegisterWebhookAsync(factory);
        var key = await ApiClients.KeyAsync(factory, "Boulangerie Martin");

        // 2 to 9 numbers in the block besides the main one, each with its fate; every run draws new cases.
        var fates = Gen.Enum<Fate>().Array[2, 9];
        await fates.SampleAsync(async block => await PortAndCompareAsync(factory, clock, key, block), iter: 8, threads: 1,
            print: block => string.Join(", ", block));
    }

    private static async Task PortAndCompareAsync(PortalFactory factory, FakeTimeProvider clock, string key, Fate[] block)
    {
        clock.AdjustTime(Start); // each case starts on 1 December, whatever the one before moved to
        var n = Interlocked.Increment(ref cases);
        var main = $"01 49 70 {n:D2} 00";
        var numbers = Enumerable.Range(1, block.Length).Select(i => $"01 49 70 {n:D2} {i:D2}").ToList();
        string Of(Fate fate) => string.Join("\n", numbers.Where((_, i) => block[i] == fate || (fate == Fate.RefusedByCarrier && block[i] == Fate.RefusedThenWithdrawn)));

        // The admin fills and signs a request of the main number and the block.
        var wizard = await Wizard.StartAsync(factory);
        var id = await wizard.FillAsync(mainNumber: main, withSecond: false);
        var lines = await (await HtmlForm.ForActionAsync(wizard.Client, $"/portage/{id}/numeros", $"/portage/{id}/numeros"))
            .Set("Command.Lines[0].Number", main).Set("Command.Lines[0].Rio", Wizard.RioFor("F0X1A2B3C", main))
            .Set("Command.RangeFrom", numbers[0]).Set("Command.RangeTo", numbers[^1]).Set("action", "enregistrer").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, lines.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164))).StatusCode);

        // Support checks the documents, dates the port, names the numbers the carrier refused; on the day, the test call.
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await Act(support, id, "ccf", ("FocDate", FocDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (Of(Fate.RefusedByCarrier) is { Length: > 0 } refused)
        {
            await Act(support, id, "numeros-refuses", ("Numbers", refused), ("Reason", "RioInvalid"), ("Comment", "RIO refusé"));
        }

        clock.SetUtcNow(new DateTimeOffset(FocDate.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(factory); // two weeks on: everyone signs in again
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        await Act(support, id, "appel-test");
        if (Of(Fate.FailedTestCall) is { Length: > 0 } failed)
        {
            await Act(support, id, "resultat-appel", ("Outcome", "failed-action-required"), ("Note", "SDA muettes"), ("FailedNumbers", failed),
                ("Reasons", "NumberInactive"));
        }
        else
        {
            await Act(support, id, "resultat-appel", ("Outcome", "passed"));
        }

        // The completion e-mail tells the outcomes as they stood when it was written.
        var request = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Completed, request.Status);
        var atCompletion = NumberOutcomes.Count(request.Lines).ToDictionary(c => c.Outcome, c => c.Count);
        Same("the completion e-mail", atCompletion, EmailCounts(factory, id));

        // The admin withdraws some of the refused numbers.
        bool Withdrawn(PortLine l) => numbers.IndexOf(l.Number.Display) is var i && i >= 0 && block[i] == Fate.RefusedThenWithdrawn;
        if (request.Lines.Any(Withdrawn))
        {
            // Every refused number comes ticked: the admin clears those to keep.
            var form = await HtmlForm.ForActionAsync(admin, $"/portage/{id}", $"/portage/{id}/numeros-refuses/retirer");
            foreach (var line in request.Lines.Where(l => l.AwaitsCustomer))
            {
                form.Check(line.Number.Display, Withdrawn(line));
            }

            Assert.Equal(HttpStatusCode.Redirect, (await form.SubmitAsync()).StatusCode);
        }

        // The domain's count, and each surface's.
        request = wizard.Load(id)!;
        Assert.Equal(PortRequestStatus.Completed, request.Status);
        var expected = NumberOutcomes.Count(request.Lines).ToDictionary(c => c.Outcome, c => c.Count);
        Assert.Equal(1 + block.Count(f => f == Fate.Ported), expected.GetValueOrDefault(NumberOutcome.Ported));
        Assert.Equal(block.Count(f => f == Fate.RefusedByCarrier), expected.GetValueOrDefault(NumberOutcome.Refused));
        Assert.Equal(block.Count(f => f == Fate.RefusedThenWithdrawn), expected.GetValueOrDefault(NumberOutcome.Withdrawn));
        Assert.Equal(block.Count(f => f == Fate.FailedTestCall), expected.GetValueOrDefault(NumberOutcome.FailedTestCall));

        Same("the customer's page", expected, await PageCountsAsync(admin, $"/portage/{id}", expected));
        Same("support's page", expected, await PageCountsAsync(support.Client, $"/support/portages/{id}", expected));
        Same("the API", expected, await ApiCountsAsync(factory, key, id));
        Same("the last webhook payload", expected, WebhookCounts(factory, id));
    }

    private static void Same(string surface, Dictionary<NumberOutcome, int> expected, Dictionary<NumberOutcome, int> seen) =>
        Assert.True(expected.Where(e => e.Value > 0).OrderBy(e => e.Key).SequenceEqual(seen.Where(e => e.Value > 0).OrderBy(e => e.Key)),
            $"{surface} counts {Show(seen)}, the domain {Show(expected)}");

    private static string Show(Dictionary<NumberOutcome, int> counts) => string.Join(", ", counts.Where(c => c.Value > 0).OrderBy(c => c.Key).Select(c => $"{c.Key} {c.Value}"));

    private static async Task Act(SupportDesk support, Guid id, string action, params (string Name, string Value)[] fields)
    {
        var form = await HtmlForm.ForActionAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/{action}");
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        var answer = await form.SubmitAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)answer.StatusCode} {Wizard.ErrorSummary(await answer.Content.ReadAsStringAsync())}");
    }

    /// <summary>The page's filter by outcome: each link says the outcome in its address and the count in its text.</summary>
    private static async Task<Dictionary<NumberOutcome, int>> PageCountsAsync(HttpClient client, string page, Dictionary<NumberOutcome, int> expected)
    {
        var answer = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var html = await answer.ReadHtmlAsync();
        var counts = new Dictionary<NumberOutcome, int>();
        if (html.QuerySelector("[data-lines-filter]") is null)
        {
            // One outcome for every number: the page lists them without a filter (nothing to count apart).
            Assert.True(expected.Count(e => e.Value > 0) == 1, $"{page} offers no filter by outcome though its numbers have several");
            return expected;
        }

        foreach (var link in html.QuerySelectorAll("[data-lines-filter] a[href*='numeros=']"))
        {
            var outcome = Enum.Parse<NumberOutcome>(FilterValue().Match(link.GetAttribute("href")!).Groups[1].Value);
            counts[outcome] = int.Parse(CountInText().Match(link.TextContent).Groups[1].Value, CultureInfo.InvariantCulture);
        }

        return counts;
    }

    private static async Task<Dictionary<NumberOutcome, int>> ApiCountsAsync(PortalFactory factory, string key, Guid id)
    {
        var answer = await (await ApiClients.For(factory, key).GetAsync($"/api/v1/port-requests/{id}")).JsonAsync();
        return answer.GetProperty("numbers").EnumerateArray().GroupBy(n => Enum.Parse<NumberOutcome>(n.GetProperty("outcome").GetString()!, ignoreCase: true))
            .ToDictionary(g => g.Key, g => g.Count());
    }

    private static Dictionary<NumberOutcome, int> WebhookCounts(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        var payload = scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookDeliveries.IgnoreQueryFilters().AsNoTracking()
            .Where(d => d.PortRequestId == id).OrderByDescending(d => d.Sequence).Select(d => d.Payload).First();
        return JsonDocument.Parse(payload).RootElement.GetProperty("data").GetProperty("portRequest").GetProperty("numbersByStatus").EnumerateObject()
            .ToDictionary(p => Enum.Parse<NumberOutcome>(p.Name, ignoreCase: true), p => p.Value.GetInt32());
    }

    /// <summary>
    /// The completion e-mail's sentence ("3 numéros portés ; 2 refusés par votre opérateur : … ; 1 en échec à l'appel
    /// test : …"), or its single count when everything was ported.
    /// </summary>
    private static Dictionary<NumberOutcome, int> EmailCounts(PortalFactory factory, Guid id)
    {
        using var scope = factory.Services.CreateScope();
        var text = scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.PortRequestId == id && m.Kind == "Completed" && m.Recipient == DemoData.BoulangerieAdmin).Select(m => m.TextBody).Single();
        var counts = new Dictionary<NumberOutcome, int>();
        void Read(NumberOutcome outcome, Regex pattern)
        {
            if (pattern.Match(text) is { Success: true } m)
            {
                counts[outcome] = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        Read(NumberOutcome.Ported, PortedSaid());
        Read(NumberOutcome.Refused, RefusedSaid());
        Read(NumberOutcome.FailedTestCall, FailedSaid());
        if (counts.Count == 0 && AllPortedSaid().Match(text) is { Success: true } all)
        {
            counts[NumberOutcome.Ported] = all.Groups[1].Success ? int.Parse(all.Groups[1].Value, CultureInfo.InvariantCulture) : 1;
        }

        Assert.True(counts.Count > 0, "the completion e-mail gives no count: " + text);
        return counts;
    }

    private static async Task RegisterWebhookAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var account = await db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Boulangerie Martin").Select(a => a.Id).SingleAsync();
        var (endpoint, secret) = Domain.Accounts.WebhookEndpoint.Register(account, "https://erp.boulangerie.example/hooks", Domain.Accounts.WebhookEvents.All,
            new Actor("test", ActorRole.AccountAdmin, "Test"), 0, false, DateTime.UtcNow);
        endpoint.KeepSecret(scope.ServiceProvider.GetRequiredService<Web.Infrastructure.Webhooks.WebhookSecrets>().Protect(secret));
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"[?&]numeros=(\w+)")]
    private static partial Regex FilterValue();

    [GeneratedRegex(@"\((\d+)\)")]
    private static partial Regex CountInText();

    [GeneratedRegex(@"(\d+) numéros? portés? ;")]
    private static partial Regex PortedSaid();

    [GeneratedRegex(@"(\d+) refusés? par votre opérateur")]
    private static partial Regex RefusedSaid();

    [GeneratedRegex(@"(\d+) en échec à l'appel test")]
    private static partial Regex FailedSaid();

    [GeneratedRegex(@"appel test a réussi\. (?:Ces (\d+) numéros|Ce numéro)")]
    private static partial Regex AllPortedSaid();
}
