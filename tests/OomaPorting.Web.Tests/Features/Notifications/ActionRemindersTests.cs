using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Notifications;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Notifications;

/// <summary>A request sent back and not fixed after three working days: one reminder to the customer (issue 17, part 1).</summary>
public class ActionRemindersTests
{
    private static readonly Actor Admin = new("reminder-admin", ActorRole.AccountAdmin, "A");
    private static readonly Actor Support = new("reminder-support", ActorRole.Support, "S");

    [Fact]
    public async Task A_request_left_unfixed_for_three_working_days_gets_one_reminder_naming_what_to_fix()
    {
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 7, 30, 0, TimeSpan.Zero)); // Tuesday, 08:30 in Paris
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = clock };
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;
            var durand = await db.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Cabinet Durand").Select(a => a.Id).SingleAsync();
            PortRequest SentBack(int i, DateTime at)
            {
                var r = new PortRequestBuilder(durand, Admin, at.AddDays(-3)).Carrier("F1").CarrierAccount("SFR-1234")
                    .Lines(($"02 97 00 00 {i:D2}", "F1A123456")).Address("1 rue", "56000", "Vannes").Holder("A", "B").Submit($"POR-2026-80000{i}");
                r.RequireAction(Support, [ReasonCode.RioInvalid], "Le RIO ne correspond pas au numéro.", at);
                return r;
            }

            db.PortRequests.AddRange(
                SentBack(1, new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc)),  // Wednesday: 26, 27, 30 November since
                SentBack(2, new DateTime(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc))); // Friday: not yet
            await db.SaveChangesAsync();
        }

        var reminders = factory.Services.GetRequiredService<ActionReminders>();
        Assert.Equal(1, await reminders.EnqueueDueAsync(CancellationToken.None)); // Cabinet Durand's admin follows its ports
        Assert.Equal(0, await reminders.EnqueueDueAsync(CancellationToken.None));
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<ActionReminders>(factory.Services).EnqueueDueAsync(CancellationToken.None));

        var mail = Assert.Single(await smtp.DeliveredToAsync(factory, DemoData.DurandAdmin));
        Assert.Equal("Rappel POR-2026-800001 : votre demande de portage attend une correction", mail.Subject);
        Assert.Contains("Le 25 novembre 2026, nous vous avons demandé de corriger votre demande.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Un RIO manque ou ne correspond pas à son numéro.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Message de notre équipe : Le RIO ne correspond pas au numéro.", mail.TextBody, StringComparison.Ordinal);

        // Saturday: nothing; a week later the second one is due (and the demo data's own sent-back request), not the first again.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await reminders.EnqueueDueAsync(CancellationToken.None));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await reminders.EnqueueDueAsync(CancellationToken.None));
        var subjects = (await smtp.DeliveredToAsync(factory, DemoData.DurandAdmin)).Select(m => m.Subject).ToList();
        Assert.Single(subjects, s => s!.Contains("POR-2026-800001", StringComparison.Ordinal));
        Assert.Single(subjects, s => s!.Contains("POR-2026-800002", StringComparison.Ordinal));
    }
}
