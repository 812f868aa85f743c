using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

/// <summary>
/// Requests erased under the 13-month rule before their thread went with them lose it when the migration runs; a
/// request not erased keeps its own. Its own portal: the test takes the schema down and up again.
/// </summary>
public class ErasedThreadsMigrationTests
{
    private static readonly Actor Admin = new("threads-admin", ActorRole.AccountAdmin, "A");

    [Fact]
    public async Task The_migration_deletes_the_threads_of_requests_already_erased_and_keeps_the_others()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Email:DispatcherEnabled"] = "false" });
        var (account, _) = await TestPeople.AccountAsync(factory, "Fils Quimper");
        var now = DateTime.UtcNow;
        Guid erased, kept;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;
            PortRequest Cancelled(string reference, string number, DateTime at)
            {
                var r = new PortRequestBuilder(account, Admin, at).Carrier("F1").CarrierAccount("ACC-4321")
                    .Lines((number, "F1A123456")).Address("1 quai", "29000", "Quimper").Holder("Anne", "Le Goff").Submit(reference);
                db.PortRequestMessages.Add(PortRequestMessage.Post(r, Admin, $"Anne Le Goff écrit au sujet de {reference}.", isInternal: false, at));
                r.Cancel(Admin, null, BusinessCalendar.France, at.AddDays(1));
                return r;
            }

            var old = Cancelled("POR-2025-870101", "02 98 55 10 00", now.AddMonths(-15));
            old.ErasePersonalData(now); // erased as the older version did: the thread stayed
            var recent = Cancelled("POR-2026-870102", "02 98 55 10 01", now.AddMonths(-1));
            db.PortRequests.AddRange(old, recent);
            await db.SaveChangesAsync();
            (erased, kept) = (old.Id, recent.Id);
            Assert.Equal(2, await db.PortRequestMessages.IgnoreQueryFilters().CountAsync(m => m.PortRequestId == erased || m.PortRequestId == kept));

            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_ErasedRequestsLoseTheirThreads", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[index - 1]);
            await migrator.MigrateAsync();
        }

        using var check = factory.Services.CreateScope();
        var threads = await check.ServiceProvider.GetRequiredService<AppDbContext>().PortRequestMessages.IgnoreQueryFilters()
            .Where(m => m.PortRequestId == erased || m.PortRequestId == kept).Select(m => m.PortRequestId).ToListAsync();
        Assert.Equal([kept], threads);
    }
}
