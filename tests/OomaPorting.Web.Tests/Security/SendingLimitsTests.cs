using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Common;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Identity;
using OomaPorting.Web.Tests.Features.Webhooks;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Security;

/// <summary>
/// One click never becomes a flood of e-mail (issue 35, point 18): 49 resends in 7 s once gave one person 49
/// invitations, and a customer's messages gave the desk's mailbox over a thousand e-mails. Past each limit the page says
/// why, at the form, and nothing is sent.
/// </summary>
public class SendingLimitsTests
{
    [Fact]
    public async Task An_invitation_goes_at_most_three_times_an_hour_to_one_address()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Email:DispatcherEnabled"] = "false" });
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        const string Email = "lea.colin@boulangerie-martin.test";
        var invited = await (await HtmlForm.ForActionAsync(admin, "/utilisateurs", "/utilisateurs/inviter"))
            .SetAll(new Dictionary<string, string> { ["DisplayName"] = "Léa Colin", ["Email"] = Email, ["Role"] = "AccountUser" }).SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var userId = await UserIdAsync(factory, Email);

        for (var resend = 1; resend < SendingLimits.InvitationsPerAddress; resend++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await (await HtmlForm.ForActionAsync(admin, "/utilisateurs", $"/utilisateurs/{userId}/invitation")).SubmitAsync()).StatusCode);
        }

        var refused = await (await HtmlForm.ForActionAsync(admin, "/utilisateurs", $"/utilisateurs/{userId}/invitation")).SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"déjà été envoyée {SendingLimits.InvitationsPerAddress} fois", Wizard.ErrorSummary(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(SendingLimits.InvitationsPerAddress, await SentAsync(factory, InvitationEmail.Kind, Email));
    }

    [Fact]
    public async Task A_customer_writes_to_support_at_most_twenty_times_an_hour_and_the_desk_still_answers()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Email:DispatcherEnabled"] = "false" });
        var (id, wizard) = await Wizard.SubmittedAsync(factory);
        for (var i = 1; i <= SendingLimits.MessagesPerCustomer; i++)
        {
            var sent = await (await HtmlForm.ForActionAsync(wizard.Client, $"/portage/{id}", $"/portage/{id}/messages")).Set("Body", $"Question {i}").SubmitAsync();
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var refused = await (await HtmlForm.ForActionAsync(wizard.Client, $"/portage/{id}", $"/portage/{id}/messages")).Set("Body", "Encore une").SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"{SendingLimits.MessagesPerCustomer} messages au support dans l'heure", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            Assert.Equal(SendingLimits.MessagesPerCustomer, await scope.ServiceProvider.GetRequiredService<AppDbContext>().PortRequestMessages
                .IgnoreQueryFilters().CountAsync(m => m.PortRequestId == id));
        }

        var support = await SupportDesk.SignInAsync(factory);
        var answer = await (await HtmlForm.ForActionAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages")).Set("Body", "Nous regardons.").SubmitAsync();
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    [Fact]
    public async Task Test_events_go_at_most_ten_times_an_hour_to_one_webhook_address()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ClockedPortal.Start);
        using var factory = WebhookPortal.Make(clock, allowLocal: true);
        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var (endpoint, _) = await Hooks.RegisterAsync(admin, "http://127.0.0.1:9/hooks", "Submitted");
        var page = $"/integrations/webhooks/{endpoint}";
        for (var i = 0; i < SendingLimits.TestEventsPerWebhook; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await (await HtmlForm.ForActionAsync(admin, page, $"{page}/test")).SubmitAsync()).StatusCode);
        }

        var refused = await (await HtmlForm.ForActionAsync(admin, page, $"{page}/test")).SubmitAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains($"{SendingLimits.TestEventsPerWebhook} événements de test", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An hour on, the address may be tried again.
        clock.Advance(SendingLimits.Window);
        admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        Assert.Equal(HttpStatusCode.Redirect, (await (await HtmlForm.ForActionAsync(admin, page, $"{page}/test")).SubmitAsync()).StatusCode);
    }

    private static async Task<string> UserIdAsync(PortalFactory factory, string email)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<int> SentAsync(PortalFactory factory, string kind, string recipient)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.IgnoreQueryFilters()
            .CountAsync(m => m.Kind == kind && m.Recipient == recipient);
    }
}
