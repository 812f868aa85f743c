using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingStatus;

/// <summary>
/// Every user of an account may follow its ports by e-mail (issue 14, point 13): admins do until they opt out, users
/// do not until they opt in; the choice is on "Statut du portage".
/// </summary>
public class FollowPortsTests
{
    [Fact]
    public async Task A_user_who_opts_in_gets_the_emails_and_an_admin_who_opts_out_does_not()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = new FakeTimeProvider(ClockedPortal.Start) };
        var (id, wizard) = await Wizard.SubmittedAsync(factory);
        var user = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieUser);
        var support = await SupportDesk.SignInAsync(factory);
        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        async Task<List<MimeMessage>> DrainAsync(string to)
        {
            while (await processor.DispatchDueAsync(CancellationToken.None) > 0)
            {
            }

            return [.. smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address == to))];
        }

        // By default: the admin follows, the user does not.
        var list = await (await user.GetAsync("/portage/statut")).ReadHtmlAsync();
        Assert.False(list.QuerySelector("[data-follow-ports] #Follow")!.HasAttribute("checked"));
        Assert.True((await (await wizard.Client.GetAsync("/portage/statut")).ReadHtmlAsync()).QuerySelector("#Follow")!.HasAttribute("checked"));
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        Assert.Empty(await DrainAsync(DemoData.BoulangerieUser));
        var adminBefore = (await DrainAsync(DemoData.BoulangerieAdmin)).Count;

        // The user opts in, the admin opts out: each ticks or clears the box of the rendered form and saves it.
        var optIn = await (await HtmlForm.OpenAsync(user, "/portage/statut", "Suivi par e-mail"))
            .Check("Recevoir par e-mail chaque étape des portages de ce compte", true).SubmitAsync("Enregistrer mon choix");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, optIn.StatusCode);
        var optOut = await (await HtmlForm.OpenAsync(wizard.Client, "/portage/statut", "Suivi par e-mail"))
            .Check("Recevoir par e-mail chaque étape des portages de ce compte", false).SubmitAsync("Enregistrer mon choix");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, optOut.StatusCode);
        Assert.Contains("Vous ne recevrez plus le suivi des portages par e-mail.", (await (await wizard.Client.GetAsync("/portage/statut")).ReadHtmlAsync())
            .QuerySelector("[data-confirmation]")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("Vous recevrez le suivi des portages par e-mail.", (await (await user.GetAsync("/portage/statut")).ReadHtmlAsync())
            .QuerySelector("[data-confirmation]")?.TextContent, StringComparison.Ordinal);

        await support.CheckDocumentsIfWaitingAsync(id);

        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-16" });
        var moved = Assert.Single(await DrainAsync(DemoData.BoulangerieUser));
        Assert.Contains("date de portage déplacée au 16 décembre 2026", moved.Subject, StringComparison.Ordinal);
        Assert.Equal(adminBefore, (await DrainAsync(DemoData.BoulangerieAdmin)).Count);
        Assert.True((await (await user.GetAsync("/portage/statut")).ReadHtmlAsync()).QuerySelector("#Follow")!.HasAttribute("checked"));
    }
}
