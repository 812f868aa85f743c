using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Numbers;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;
using OomaPorting.Web.Tests.Security;

namespace OomaPorting.Web.Tests.Performance;

/// <summary>One portal counting its SQL commands, shared by the budget tests, with the access matrix's people and resources.</summary>
public sealed class BudgetPortal : AccessMatrixFixture
{
    public BudgetPortal()
        : this(new SqlCommandCounter())
    {
    }

    private BudgetPortal(SqlCommandCounter counter)
        // The background jobs that poll every few seconds are off: only the pages' own commands are counted.
        : base(new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Email:DispatcherEnabled"] = "false", ["Webhooks:DispatcherEnabled"] = "false", ["AccountExport:BuilderEnabled"] = "false",
        })
        {
            ConfigureServices = s => TestDatabase.AddInterceptor(s, counter),
        }) => Counter = counter;

    public SqlCommandCounter Counter { get; }
}

/// <summary>
/// How many SQL commands each page costs (the session read included), counted by an EF Core interceptor: a page that
/// starts querying per row (N+1) fails here long before it shows in a load test.
/// </summary>
public class SqlCommandBudgetTests(BudgetPortal portal) : IClassFixture<BudgetPortal>
{
    /// <summary>The budget: 3 commands per page, the session read included.</summary>
    private const int Budget = 3;

    /// <summary>
    /// Pages over the house budget, found when the walk first reached them (the old walk asked for them with the route's
    /// template text in the address, got a 404 and counted it as within budget): each is held at what it costs now, so
    /// it cannot grow unseen, until it is brought down to <see cref="Budget"/>.
    /// </summary>
    private static readonly Dictionary<string, int> OverBudget = new(StringComparer.Ordinal)
    {
        ["/portage/{id:guid}/justificatifs"] = 4,
        ["/portage/{id:guid}/signature"] = 6,
        ["/portage/{id:guid}/signature/code"] = 4,
        ["/support/comptes/{accountId:guid}"] = 5,
        ["/donnees-du-compte/{exportId:guid}/archive.zip"] = 4,
    };

    /// <summary>
    /// Every GET route the running portal has (pages, files, the API, health), at a real address of a real object,
    /// as the role that is served it: each must answer what it is for (2xx, an error page its own status) and stay
    /// within the budget. The routes come from the portal's endpoints, not from a list.
    /// </summary>
    [Fact]
    public async Task Every_page_stays_within_its_sql_command_budget()
    {
        var counter = portal.Counter;
        var over = new List<string>();
        var wrong = new List<string>();
        var measured = 0;
        var routes = portal.Routes().Where(r => r.Method is "GET" or "ANY").ToList();
        foreach (var (method, pattern) in routes)
        {
            Assert.True(AccessMatrixTests.Matrix.ContainsKey($"{method} {pattern}"), $"{method} {pattern} is not in the access matrix.");
            if (await portal.PageAsync(method, pattern) is not var (client, path, expected))
            {
                continue;
            }

            // The portability checks answer a number: the page's and the API's.
            path += pattern switch { "/portabilite" => "?Number=0123456789", "/api/v1/numbers/portability" => "?number=0145000000", _ => string.Empty };

            // Once to warm what is cached per portal, once counted.
            var warm = await client.GetAsync(path);
            if ((int)warm.StatusCode != expected)
            {
                wrong.Add($"{pattern} → {path}: {(int)warm.StatusCode} {warm.Headers.Location}");
                continue;
            }

            counter.Reset();
            var response = await client.GetAsync(path);
            var count = counter.Count;
            measured++;
            if ((int)response.StatusCode != expected)
            {
                wrong.Add($"{pattern} → {path}: {(int)response.StatusCode}, expected {expected}");
            }

            var budget = OverBudget.GetValueOrDefault(pattern, Budget);
            if (count > budget)
            {
                over.Add($"{path} ({(int)response.StatusCode}): {count} commands, budget {budget}");
            }
        }

        Assert.True(wrong.Count == 0, "Not served as their role would be:\n" + string.Join("\n", wrong));
        Assert.True(measured >= routes.Count - 2, $"Only {measured} of {routes.Count} GET routes measured.");
        Assert.True(over.Count == 0, string.Join("\n", over));
    }

    /// <summary>
    /// A 1,000-number block (01 48 30 00 00 – 09 99) of Boulangerie Martin, every tenth number refused by the carrier,
    /// the other 900 ported onto the account: made through the domain's own methods.
    /// </summary>
    private async Task<Guid> SeedBlockAsync()
    {
        using var scope = portal.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.NotificationsSuppressed = true;
        var account = await db.Accounts.IgnoreQueryFilters().Include(a => a.Numbers).SingleAsync(a => a.CompanyName == "Boulangerie Martin");
        var adminId = await db.Users.Where(u => u.AccountId == account.Id).Select(u => u.Id).FirstAsync();
        var admin = new Domain.Common.Actor(adminId, Domain.Common.ActorRole.AccountAdmin, "Admin");
        var support = new Domain.Common.Actor("support-budget", Domain.Common.ActorRole.Support, "Support");
        var now = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        var focDay = new DateTime(2026, 12, 15, 10, 0, 0, DateTimeKind.Utc);
        var lines = Enumerable.Range(0, 1000).Select(i => (Number(i), i == 0 ? "F0X1A2B3C" : null)).ToArray();
        var r = new Domain.Porting.PortRequestBuilder(account.Id, admin, now).Lines(lines).Draft();
        r.ChooseMainNumber(admin, null, keepTemporaryNumber: false, accountHasOwnMainNumber: true, now);
        r.Submit(admin, new Domain.Porting.SignatureInput("Marie Martin", true, null, null, null, Domain.Porting.SignerCapacity.Manager, AuthorityConfirmed: true,
                Domain.Porting.SignerConfirmation.ByEmailCode("signataire@exemple.fr", DateTime.UnixEpoch)), Domain.Porting.PortRequestBuilder.DefaultTerms,
            await References.NextAsync(db, now.Year, CancellationToken.None), now);
        r.RefuseNumbers(support, [.. Enumerable.Range(1, 100).Select(i => FrenchNumber.Parse(Number(i * 10 - 1)))],
            Domain.Porting.ReasonCode.NumberInactive, "Numéros résiliés", now);
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(support, now);
        }

        r.SetFocDate(support, DateOnly.FromDateTime(focDay), Domain.Calendar.BusinessCalendar.France, now);
        r.StartTestCall(support, focDay);
        account.AddPortedNumbers(r, r.RecordTestCallPassed(support, focDay), focDay);
        db.PortRequests.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    }

    private static string Number(int i) => $"01 48 30 {i / 100:D2} {i % 100:D2}";

    private static decimal Total(AngleSharp.Html.Dom.IHtmlDocument postes) => decimal.Parse(
        new string([.. postes.QuerySelector("tfoot td")!.TextContent.Where(c => char.IsDigit(c) || c == ',')]),
        System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    [Fact]
    public async Task A_1000_number_request_is_listed_by_runs_paged_and_filtered_and_the_postes_tab_groups_its_numbers_within_budget()
    {
        var admin = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieAdmin);
        var support = await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent);
        var totalBefore = Total(await (await admin.GetAsync("/postes")).ReadHtmlAsync());
        var id = await SeedBlockAsync();

        // A completed request's status page reads one thing more: the account's other requests of the same carrier
        // account, to say whether the old carrier's contract may be ended (OldCarrierAdvice, issue 36 point 2).
        async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(HttpClient client, string path, int budget = Budget)
        {
            await client.GetAsync(path);
            portal.Counter.Reset();
            var response = await client.GetAsync(path);
            Assert.True(portal.Counter.Count <= budget, $"{path}: {portal.Counter.Count} commands, budget {budget}");
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return await response.ReadHtmlAsync();
        }

        // The main line, 100 runs of 9 ported numbers, 100 refused numbers one by one: 201 rows, 3 pages of 100.
        var first = await PageAsync(admin, $"/portage/{id}", Budget + 1);
        Assert.Equal(100, first.QuerySelectorAll("[data-lines] > li").Length);
        Assert.Contains("Page 1 sur 3", first.QuerySelector("[data-lines-pages]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Tous (1000)", "porté (900)", "refusé par l'opérateur (100)"],
            first.QuerySelectorAll("[data-lines-filter] a").Select(a => a.TextContent.Replace('\u00a0', ' ')));
        Assert.Equal(98, first.QuerySelectorAll("[data-lines] li[data-block='9']").Length);
        var last = await PageAsync(admin, $"/portage/{id}?page-numeros=3", Budget + 1);
        Assert.Single(last.QuerySelectorAll("[data-lines] > li"));
        Assert.Null(last.QuerySelector("[data-lines-pages] a[rel=next]"));
        var refused = await PageAsync(support, $"/support/portages/{id}?numeros=Refused");
        Assert.Equal(100, refused.QuerySelectorAll("[data-lines] > li").Length);
        Assert.All(refused.QuerySelectorAll("[data-lines] > li"), li => Assert.Contains("refusé", li.TextContent, StringComparison.Ordinal));
        Assert.Null(refused.QuerySelector("[data-lines-pages]"));
        Assert.Equal("true", refused.QuerySelector("[data-lines-filter] a[href='?numeros=Refused#numeros']")!.GetAttribute("aria-current"));

        // Anything else in the query is ignored: the first page, unfiltered.
        foreach (var query in new[] { "?page-numeros=-1", "?page-numeros=99999999999", "?numeros=%3Cscript%3E", "?numeros=refused", "?numeros=4" })
        {
            var odd = await PageAsync(admin, $"/portage/{id}{query}", Budget + 1);
            Assert.Contains("Page 1 sur 3", odd.QuerySelector("[data-lines-pages]")!.TextContent, StringComparison.Ordinal);
        }

        var postes = await PageAsync(admin, "/postes");
        var runs = postes.QuerySelectorAll("tbody tr[data-run='9']");
        Assert.Equal(100, runs.Length);
        Assert.Contains("9 × 9,95", runs[0].TextContent.Replace('\u00a0', ' '), StringComparison.Ordinal);
        Assert.Equal(totalBefore + 900 * 9.95m, Total(postes));
        Assert.True(postes.QuerySelectorAll("select#Number option").Length >= 900, "Each number is still assigned on its own.");
    }
}
