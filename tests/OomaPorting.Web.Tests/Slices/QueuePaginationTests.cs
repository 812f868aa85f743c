using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.PortingWizard;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Slices;

public class QueuePaginationTests
{
    [Theory]
    [InlineData("age")]
    [InlineData("ccf")]
    public async Task Keyset_pages_return_every_request_exactly_once_in_order(string sort)
    {
        using var factory = new PortalFactory();
        var support = new Actor("s", ActorRole.Support, "S");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var account = await db.Accounts.IgnoreQueryFilters().FirstAsync(a => a.CompanyName == "Cabinet Durand");
            var admin = new Actor("a", ActorRole.AccountAdmin, "A");
            var terms = PortingTermsText.Current(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
            var now = DateTime.UtcNow;
            for (var i = 0; i < 61; i++)
            {
                // Several share a submission instant and a FOC date: the id breaks the ties.
                var at = now.AddMinutes(-(i / 3));
                var r = PortRequest.StartDraft(Guid.NewGuid(), account.Id, admin, at);
                r.ChooseNumberType(admin, NumberType.Fixed, true, at);
                r.ChooseCarrier(admin, "F1", null, at);
                r.EnterAccount(admin, CarrierAccountNumber.Parse("SFR-1234"), InternetConnection.Fibre, null, at);
                var n = FrenchNumber.Parse($"02 99 {i / 100:D2} {i % 100:D2} 00");
                r.SetLines(admin, [new LineInput(n, Rio.Parse("F1A123456" + Rio.ComputeKey("F1A123456", n)))], at);
                r.EnterServiceAddressAndHolder(admin, ServiceAddress.Create("1 rue", null, "35000", "Rennes"), AccountHolder.Create("A", "B"), at);
                r.ChooseMainNumber(admin, n, false, false, at);
                r.Submit(admin, new SignatureInput("A B", true, null, null, null), terms, $"POR-2099-{i:D6}", at);
                r.SetFocDate(support, BusinessCalendar.France.AddWorkingDays(DateOnly.FromDateTime(now), 5 + (i % 4)), BusinessCalendar.France, now);
                db.PortRequests.Add(r);
            }

            await db.SaveChangesAsync();
        }

        var client = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);
        var seen = new List<string>();
        string? next = $"/support/portages?Status=FocConfirmed&Sort={sort}";
        var pages = 0;
        while (next is not null)
        {
            var doc = await (await client.GetAsync(next)).ReadHtmlAsync();
            seen.AddRange(doc.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()));
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
