using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.PortingStatus;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingStatus;

/// <summary>
/// "Statut du portage" shows every request of the account, a page at a time: it used to stop at 500 without a word
/// (issue 38, point 9). Following the page's own links from the first page reaches each request exactly once; a page
/// asked for past the end, or not a number, shows a real page.
/// </summary>
public class StatusListPagingTests
{
    [Fact]
    public async Task Following_the_pages_shows_every_request_of_the_account_once_and_says_how_many_there_are()
    {
        using var factory = new PortalFactory();
        HashSet<string> references;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;
            var account = await db.Accounts.IgnoreQueryFilters().SingleAsync(a => a.CompanyName == "Cabinet Durand");
            var admin = new Actor("paging", ActorRole.AccountAdmin, "Paul Durand");
            for (var i = 0; i < 2 * ListPortRequests.PageSize + 7; i++)
            {
                db.PortRequests.Add(new PortRequestBuilder(account.Id, admin, DateTime.UtcNow.AddMinutes(-i))
                    .Lines(($"01 49 {i / 100:D2} {i % 100:D2} 00", "F0X123456")).MainNumber($"01 49 {i / 100:D2} {i % 100:D2} 00")
                    .Submit($"POR-2026-95{i:D4}"));
            }

            await db.SaveChangesAsync();
            references = [.. await db.PortRequests.IgnoreQueryFilters().Where(r => r.AccountId == account.Id && r.Reference != null)
                .Select(r => r.Reference!).ToListAsync()];
        }

        var client = await PortalClient.SignedInAsync(factory, DemoData.DurandUser);
        var seen = new List<string>();
        var next = "/portage/statut";
        var pages = 0;
        while (next is not null && pages < 10)
        {
            var page = await (await client.GetAsync(next)).ReadHtmlAsync();
            seen.AddRange(page.QuerySelectorAll("tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
            Assert.Contains($"({references.Count} demandes)", page.QuerySelector("[data-status-pages]")!.TextContent, StringComparison.Ordinal);
            next = page.QuerySelector("[data-status-pages] a[rel=next]")?.GetAttribute("href");
            pages++;
        }

        Assert.Equal((references.Count + ListPortRequests.PageSize - 1) / ListPortRequests.PageSize, pages);
        Assert.Equal(references.Count, seen.Count);
        Assert.True(references.SetEquals(seen), "Missing: " + string.Join(", ", references.Except(seen).Take(5)));

        foreach (var odd in new[] { "999", "0", "-3", "deux", "1e3" })
        {
            var response = await client.GetAsync($"/portage/statut?page={odd}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.NotEmpty((await response.ReadHtmlAsync()).QuerySelectorAll("tbody tr"));
        }
    }
}
