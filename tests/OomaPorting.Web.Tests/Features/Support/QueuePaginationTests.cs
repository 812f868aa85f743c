using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.PortingWizard;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

public class QueuePaginationTests
{
    [Theory]
    [InlineData("age")]
    [InlineData("ccf")]
    public async Task Keyset_pages_return_every_request_exactly_once_in_order(string sort)
    {
        using var factory = new PortalFactory();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Accounts.IgnoreQueryFilters().FirstAsync(a => a.CompanyName == "Cabinet Durand");
            var now = DateTime.UtcNow;
            for (var i = 0; i < 61; i++)
            {
                // Several share a submission instant and a FOC date: the id breaks the ties.
                var at = now.AddMinutes(-(i / 3));
                var r = SeedRequests.FocConfirmed(account.Id, i, "POR-2099", at,
                    BusinessCalendar.France.AddWorkingDays(DateOnly.FromDateTime(now), 5 + (i % 4)));
                db.PortRequests.Add(r);
            }

            await db.SaveChangesAsync();
        }

        var client = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);

        // The filters show what was asked for: the chosen status and sort are the selected options, and only they.
        var form = await (await client.GetAsync($"/support/portages?Status=FocConfirmed&Sort={sort}")).ReadHtmlAsync();
        Assert.Equal(["FocConfirmed"], form.QuerySelectorAll("#Status option[selected]").Select(o => o.GetAttribute("value")));
        Assert.Equal([sort], form.QuerySelectorAll("#Sort option[selected]").Select(o => o.GetAttribute("value")));
        Assert.DoesNotContain(form.QuerySelectorAll("#Carrier option"), o => o.HasAttribute("selected") && o.GetAttribute("value") != string.Empty);

        var seen = new List<string>();
        string? next = $"/support/portages?Status=FocConfirmed&Sort={sort}";
        var pages = 0;
        while (next is not null)
        {
            var doc = await (await client.GetAsync(next)).ReadHtmlAsync();
            seen.AddRange(doc.QuerySelectorAll("tbody tr[data-request]").Select(tr => tr.GetAttribute("data-request")!));
            next = doc.QuerySelector("a[rel=next]")?.GetAttribute("href")?.Replace("&amp;", "&", StringComparison.Ordinal);
            pages++;
            Assert.True(pages < 10);
        }

        var ours = seen.Where(r => r.StartsWith("POR-2099-", StringComparison.Ordinal)).ToList();
        Assert.Equal(61, ours.Count);
        Assert.Equal(61, ours.Distinct().Count());
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("MTIzX3p6eg")]
    [InlineData("../../etc/passwd")]
    public async Task A_forged_cursor_is_ignored_not_an_error(string cursor)
    {
        using var factory = new PortalFactory();
        var client = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);
        var response = await client.GetAsync("/support/portages?After=" + Uri.EscapeDataString(cursor));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
