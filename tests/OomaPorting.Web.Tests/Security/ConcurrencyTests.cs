using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

public class ConcurrencyTests(AccessMatrixFixture fx) : IClassFixture<AccessMatrixFixture>
{
    [Fact]
    public async Task Twenty_agents_saving_one_request_at_once_are_recorded_in_order_or_told_it_changed()
    {
        var id = await fx.FreshMartinRequestAsync();
        int version;
        using (var scope = fx.Factory.Services.CreateScope())
        {
            version = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PortRequests.IgnoreQueryFilters()
                .Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
        }

        var agents = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < 20; i++)
        {
            var client = await PortalClient.SignedInAsync(fx.Factory, DemoData.SupportAgent);
            agents.Add((client, await PortalClient.TokenAsync(client, $"/support/portages/{id}")));
        }

        // All twenty saw the same version and each moves the FOC date to a different working day.
        var dates = Enumerable.Range(1, 40).Select(d => Domain.Calendar.BusinessCalendar.France.AddWorkingDays(DateOnly.FromDateTime(DateTime.UtcNow), 12 + d))
            .Distinct().Take(20).ToList();
        var responses = await Task.WhenAll(agents.Select((a, i) => PortalClient.PostWithTokenAsync(a.Client, $"/support/portages/{id}/ccf", a.Token,
            new Dictionary<string, string>
            {
                ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["FocDate"] = dates[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            })));

        var won = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect);
        var conflicts = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        var others = responses.Where(r => r.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Conflict)).ToList();
        var detail = string.Join("; ", await Task.WhenAll(others.Select(async o => $"{(int)o.StatusCode} {Wizard.ErrorSummary(await o.Content.ReadAsStringAsync())}")));
        Assert.True(won == 1 && conflicts.Count == 19, $"won {won}, conflicts {conflicts.Count}, others: {detail} " +
            string.Join(" / ", fx.Factory.Logs.Events.Where(e => e.Exception is not null).Select(e => e.Exception!.Message).Distinct()));
        foreach (var c in conflicts)
        {
            Assert.Contains("modifiée entre-temps", Wizard.ErrorSummary(await c.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using var check = fx.Factory.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var r = await db.PortRequests.IgnoreQueryFilters().Include(x => x.Events).SingleAsync(x => x.Id == id);
        Assert.Equal(version + 1, r.Version);
        var moved = Assert.Single(r.Events, e => e.Kind == PortRequestEventKind.FocDateMoved);
        Assert.Equal(r.FocDate, moved.NewFocDate);
        Assert.Equal(Enumerable.Range(1, r.Events.Count), r.Events.OrderBy(e => e.Sequence).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Agents_saving_one_after_another_with_fresh_versions_are_all_recorded_in_order()
    {
        var id = await fx.FreshMartinRequestAsync();
        var desk = new SupportDesk(await PortalClient.SignedInAsync(fx.Factory, DemoData.SupportAgent));
        var dates = Enumerable.Range(13, 5).Select(d => Domain.Calendar.BusinessCalendar.France.AddWorkingDays(DateOnly.FromDateTime(DateTime.UtcNow), d)).ToList();
        foreach (var d in dates)
        {
            await desk.CheckDocumentsIfWaitingAsync(id);
            await desk.DoAsync(id, "ccf", new() { ["FocDate"] = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        }

        using var scope = fx.Factory.Services.CreateScope();
        var r = await scope.ServiceProvider.GetRequiredService<AppDbContext>().PortRequests.IgnoreQueryFilters().Include(x => x.Events)
            .SingleAsync(x => x.Id == id);
        Assert.Equal(dates, r.Events.Where(e => e.Kind == PortRequestEventKind.FocDateMoved).OrderBy(e => e.Sequence).Select(e => e.NewFocDate!.Value));
    }

    [Fact]
    public async Task Parallel_draft_starts_and_double_submits_make_exactly_the_requests_they_should()
    {
        var wizard = await Wizard.StartAsync(fx.Factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main);
        var tokens = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            tokens.Add(await PortalClient.TokenAsync(wizard.Client, $"/portage/{id}/signature"));
        }

        var fields = Wizard.Signature(Domain.Numbers.FrenchNumber.Parse(main).E164);
        var responses = await Task.WhenAll(tokens.Select(t => PortalClient.PostWithTokenAsync(wizard.Client, $"/portage/{id}/signature", t, fields)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(responses, r => Assert.Equal($"/portage/{id}/signature/code", r.Headers.Location!.OriginalString));

        // The code typed back in eight tabs at once: one submission.
        var code = Wizard.LastCode(fx.Factory, id);
        var codeTokens = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            codeTokens.Add(await PortalClient.TokenAsync(wizard.Client, $"/portage/{id}/signature/code"));
        }

        var confirmations = await Task.WhenAll(codeTokens.Select(t => PortalClient.PostWithTokenAsync(wizard.Client, $"/portage/{id}/signature/code", t,
            new Dictionary<string, string> { ["Code"] = code })));
        Assert.All(confirmations, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var r = wizard.Load(id)!;
        Assert.Single(r.Mandates);
        Assert.Single(r.Events, e => e.Kind == PortRequestEventKind.Submitted);
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.PortRequests.IgnoreQueryFilters().CountAsync(x => x.Reference == r.Reference));
    }
}
