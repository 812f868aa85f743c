using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Calendar;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Notifications;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Notifications;

/// <summary>
/// The FOC reminder runs at every dispatcher tick: with hundreds of requests due tomorrow it must queue each reminder
/// once, and its later ticks must cost one query, not one per due request.
/// </summary>
public class FocReminderTests
{
    private static readonly DateTime Dating = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Many_due_requests_get_one_reminder_each_and_later_ticks_cost_one_query()
    {
        var counter = new SqlCommandCounter();
        var clock = new FakeTimeProvider(new DateTimeOffset(Dating));
        using var factory = new PortalFactory(settings: new Dictionary<string, string?>
        {
            ["Email:DispatcherEnabled"] = "false", ["Webhooks:DispatcherEnabled"] = "false", ["AccountExport:BuilderEnabled"] = "false",
        })
        {
            Clock = clock,
            ConfigureServices = s => TestDatabase.AddInterceptor(s, counter),
        };
        var calendar = BusinessCalendar.France;
        var focDate = calendar.AddWorkingDays(DateOnly.FromDateTime(Dating), 6);
        int admins;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var martin = await db.Accounts.IgnoreQueryFilters().FirstAsync(a => a.CompanyName == "Boulangerie Martin");
            admins = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join role in db.Roles on ur.RoleId equals role.Id
                            where u.AccountId == martin.Id && role.Name == "AccountAdmin" && !u.IsDisabled
                            select u.Id).CountAsync();
            for (var i = 0; i < 250; i++)
            {
                db.PortRequests.Add(SeedRequests.FocConfirmed(martin.Id, i, "POR-2097", Dating, focDate));
            }

            // Due another day: not reminded now.
            for (var i = 250; i < 270; i++)
            {
                db.PortRequests.Add(SeedRequests.FocConfirmed(martin.Id, i, "POR-2097", Dating, calendar.AddWorkingDays(focDate, 1)));
            }

            db.NotificationsSuppressed = true;
            await db.SaveChangesAsync();
        }

        Assert.True(admins >= 1);
        var dayBefore = calendar.SubtractWorkingDays(focDate, 1).ToDateTime(new TimeOnly(7, 0), DateTimeKind.Utc);
        clock.SetUtcNow(new DateTimeOffset(dayBefore));
        var reminders = factory.Services.GetRequiredService<FocReminders>();

        var added = await reminders.EnqueueDueAsync(CancellationToken.None);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var keys = await db.OutboxMessages.Where(m => m.Kind == "FocReminder").Select(m => m.DedupKey!).ToListAsync();
            Assert.Equal(added, keys.Count);
            var ours = await db.OutboxMessages.Where(m => m.Kind == "FocReminder")
                .Join(db.PortRequests.IgnoreQueryFilters().Where(r => r.Reference!.StartsWith("POR-2097-")), m => m.PortRequestId, r => r.Id, (m, r) => r.FocDate)
                .ToListAsync();
            Assert.Equal(250 * admins, ours.Count);
            Assert.All(ours, d => Assert.Equal(focDate, d));
            Assert.All(keys, k => Assert.EndsWith($":{focDate:yyyyMMdd}:{k[^1]}", k, StringComparison.Ordinal));
        }

        counter.Reset();
        Assert.Equal(0, await reminders.EnqueueDueAsync(CancellationToken.None));
        Assert.Equal(1, counter.Count);

        // A restarted instance remembers nothing: it checks the outbox in batches, not once per request.
        counter.Reset();
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<FocReminders>(factory.Services).EnqueueDueAsync(CancellationToken.None));
        Assert.InRange(counter.Count, 1, 3);
    }
}
