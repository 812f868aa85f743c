using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OomaPorting.Domain.Numbers;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Notifications;

/// <summary>
/// The desk hears of what customers do (issue 17, part 4): a new request, a cancellation (urgent, high priority, when
/// the carrier already has a porting date), and an e-mail that will never arrive. In French, through the outbox, once.
/// </summary>
public class SupportAlertsTests
{
    private const string Desk = "support-portage@ooma-office.test";

    private static async Task<(Guid Id, string Reference, Wizard Wizard)> SubmittedAsync(PortalFactory factory)
    {
        var wizard = await Wizard.StartAsync(factory);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main);
        await wizard.SignAsync(id, Wizard.Signature(FrenchNumber.Parse(main).E164));
        return (id, wizard.Load(id)!.Reference!, wizard);
    }

    private static Task<HttpResponseMessage> CustomerCancelAsync(Wizard wizard, Guid id) =>
        PortalClient.PostFormAsync(wizard.Client, $"/portage/{id}/annuler", $"/portage/{id}/annuler",
            new Dictionary<string, string> { ["Reason"] = "Nous restons chez notre opérateur." });

    [Fact]
    public async Task A_new_request_and_a_customer_cancellation_reach_the_desk_urgently_when_the_carrier_has_a_date()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = new FakeTimeProvider(ClockedPortal.Start) };
        var (dated, datedReference, wizard) = await SubmittedAsync(factory);
        var (plain, plainReference, _) = await SubmittedAsync(factory);
        var (bySupport, _, _) = await SubmittedAsync(factory);

        var news = await smtp.DeliveredToAsync(factory, Desk);
        Assert.Equal(3, news.Count);
        var first = Assert.Single(news, m => m.Subject == $"[Portage] Nouvelle demande {datedReference} : Boulangerie Martin");
        Assert.Contains("Boulangerie Martin a signé sa demande de portage ; opérateur actuel : Orange.", first.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/support/portages/{dated}", first.TextBody, StringComparison.Ordinal);
        Assert.Equal(MessageImportance.Normal, first.Importance);

        // The carrier has the 15 December: a customer cancellation must be undone with it today.
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(dated);
        await support.DoAsync(dated, "ccf", new() { ["FocDate"] = "2026-12-15" });
        Assert.Equal(HttpStatusCode.Redirect, (await CustomerCancelAsync(wizard, dated)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await CustomerCancelAsync(wizard, plain)).StatusCode);
        await PortalClient.PostFormAsync(support.Client, $"/support/portages/{bySupport}", $"/support/portages/{bySupport}/annuler",
            new Dictionary<string, string> { ["Reason"] = "Doublon" });

        var alerts = (await smtp.DeliveredToAsync(factory, Desk)).Skip(3).ToList();
        Assert.Equal(2, alerts.Count); // support's own cancellation tells nobody at the desk
        var urgent = Assert.Single(alerts, m => m.Subject!.Contains("URGENT", StringComparison.Ordinal));
        Assert.Equal($"[Portage] URGENT {datedReference} annulée, portage prévu le 15 décembre 2026 : prévenez l'opérateur", urgent.Subject);
        Assert.Equal(MessageImportance.High, urgent.Importance);
        Assert.Equal(XMessagePriority.Highest, urgent.XPriority);
        Assert.Contains("Sans contre-ordre, Orange portera les numéros ce jour-là", urgent.TextBody, StringComparison.Ordinal);
        Assert.Contains("Raison donnée : Nous restons chez notre opérateur.", urgent.TextBody, StringComparison.Ordinal);
        var calm = Assert.Single(alerts, m => m.Subject == $"[Portage] {plainReference} annulée par le client (Boulangerie Martin)");
        Assert.Contains("aucune date de portage n'était fixée", calm.TextBody, StringComparison.Ordinal);
        Assert.Equal(MessageImportance.Normal, calm.Importance);
    }

    [Fact]
    public async Task An_email_that_will_never_arrive_is_reported_to_the_desk_once_and_the_desks_own_failures_are_not()
    {
        await using var smtp = new TestSmtpServer();
        var settings = smtp.Settings();
        settings["Email:MaxAttempts"] = "2";
        settings["Email:RetryBaseSeconds"] = "1";
        var clock = new FakeTimeProvider(ClockedPortal.Start);
        using var factory = new PortalFactory(settings: settings) { Clock = clock };
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var to in new[] { "client@boite-pleine.test", Desk })
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Id = Guid.NewGuid(), CreatedAtUtc = clock.GetUtcNow().UtcDateTime, Kind = "Test", Recipient = to, Subject = $"Bonjour {to}",
                    TextBody = "Bonjour", HtmlBody = "<p>Bonjour</p>", NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime.AddSeconds(-1),
                });
            }

            await db.SaveChangesAsync();
        }

        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        smtp.RefuseNext(4);
        for (var i = 0; i < 4; i++)
        {
            await processor.DispatchDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var alert = Assert.Single(await smtp.DeliveredToAsync(factory, Desk));
        Assert.Equal("[Portage] E-mail non distribué : Bonjour client@boite-pleine.test", alert.Subject);
        Assert.Contains("Le message « Bonjour client@boite-pleine.test » pour client@boite-pleine.test n'est pas parti après 2 essais", alert.TextBody,
            StringComparison.Ordinal);
        Assert.Equal(MessageImportance.High, alert.Importance);
        using var check = factory.Services.CreateScope();
        var rows = await check.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        Assert.Equal(2, rows.Count(r => r.Status == OutboxStatus.Failed));
        Assert.Single(rows, r => r.Kind == "SupportDeliveryFailed");
    }
}
