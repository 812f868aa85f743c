using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Platform;

public class RestartAndLoggingTests
{
    [Fact]
    public async Task A_cookie_issued_before_a_restart_still_works_after_it()
    {
        string cookie;
        string folder;
        using (var before = new PortalFactory())
        {
            folder = before.DataFolder;
            var client = await PortalClient.SignedInAsync(before, DemoData.BoulangerieAdmin);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/postes")).StatusCode);
            cookie = PortalClient.Cookie(client, "ooma.session");
        }

        using var after = new PortalFactory(folder);
        var request = new HttpRequestMessage(HttpMethod.Get, "/postes");
        request.Headers.Add("Cookie", cookie);
        var response = await PortalClient.Anonymous(after).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Boulangerie Martin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_data_is_created_once_on_an_empty_database_only()
    {
        string folder;
        using (var first = new PortalFactory())
        {
            folder = first.DataFolder;
            _ = first.Services;
        }

        using var second = new PortalFactory(folder);
        using var scope = second.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, db.Accounts.IgnoreQueryFiltersCount());
        Assert.Equal(6, db.Users.Count());
    }

    [Fact]
    public async Task No_log_line_holds_a_seeded_number_rio_account_number_email_or_password()
    {
        using var factory = new PortalFactory();
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        foreach (var path in new[] { "/", "/postes", "/portage", "/portage/statut", "/portabilite?Number=01+42+60+30+10", "/portabilite?Number=0556441020" })
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        }

        await PortalClient.SignInAsync(PortalClient.Anonymous(factory), DemoData.DurandAdmin, "a-wrong-password-here");
        var support = await PortalClient.SignedInAsync(factory, DemoData.SupportAgent);
        Assert.Equal(HttpStatusCode.OK, (await support.GetAsync("/support/portages")).StatusCode);

        string[] secrets;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var lines = db.PortLines.IgnoreQueryFiltersList();
            var requests = db.PortRequests.IgnoreQueryFiltersList();
            secrets =
            [
                .. lines.SelectMany(l => new[] { l.Number.E164, l.Number.National, l.Number.Display }),
                .. lines.Where(l => l.Rio is not null).Select(l => l.Rio!.Value),
                .. requests.Where(r => r.CarrierAccountNumber is not null).Select(r => r.CarrierAccountNumber!.Value),
                DemoData.BoulangerieAdmin, DemoData.DurandAdmin, DemoData.SupportAgent, DemoData.Password, "a-wrong-password-here",
            ];
        }

        var logLines = factory.Logs.Lines().ToList();
        Assert.NotEmpty(logLines);
        Assert.Contains(logLines, l => l.Contains("signed in", StringComparison.Ordinal));
        Assert.Contains(logLines, l => l.Contains("Sign-in refused", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logLines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task An_unexpected_error_shows_a_french_page_with_a_reference_and_no_stack_trace()
    {
        using var factory = new PortalFactory
        {
            ConfigureServices = s => s.AddControllers().AddApplicationPart(typeof(ThrowingController).Assembly),
        };
        var client = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieUser);
        var response = await client.GetAsync("/test/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var doc = await PortalClient.ParseAsync(html);
        Assert.Equal("Une erreur s'est produite", doc.QuerySelector("h1")?.TextContent.Trim());
        Assert.Contains("Référence de l'incident", doc.Body!.TextContent, StringComparison.Ordinal);
        var reference = doc.QuerySelector("main code")?.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(reference));
        Assert.Contains(factory.Logs.Lines(), l => l.Contains(reference, StringComparison.Ordinal));
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ThrowingController", html, StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Events, e => e.Exception is InvalidOperationException);
    }
}

/// <summary>Only added to the portal by the test above: an action that fails.</summary>
public sealed class ThrowingController : Controller
{
    [HttpGet("/test/boom")]
    public IActionResult Boom() => throw new InvalidOperationException("boom from " + GetType().Name);
}
