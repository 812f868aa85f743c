using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

/// <summary>
/// Requests submitted before the first submission had its own column get it from their history when the migration
/// runs: the "Submitted" event, not a later resubmission. Its own portal: the test takes the schema down and up again.
/// </summary>
public class FirstSubmissionBackfillTests
{
    private static readonly Actor Admin = new("backfill-admin", ActorRole.AccountAdmin, "A");
    private static readonly Actor Support = new("backfill-support", ActorRole.Support, "S");

    [Fact]
    public async Task The_migration_fills_the_first_submission_from_the_history_and_ignores_resubmissions()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string?> { ["Email:DispatcherEnabled"] = "false" });
        var (account, _) = await TestPeople.AccountAsync(factory, "Rattrapage Lorient");
        var first = new DateTime(2026, 10, 5, 9, 0, 0, DateTimeKind.Utc);
        var again = first.AddDays(6);
        Dictionary<Guid, DateTime?> expected;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;
            var resubmitted = new PortRequestBuilder(account, Admin, first).Carrier("F1").CarrierAccount("ACC-1234")
                .Lines(("02 97 55 10 00", "F1A123456")).Address("1 rue", "56100", "Lorient").Holder("A", "B").Submit("POR-2026-870001");
            resubmitted.RequireAction(Support, [ReasonCode.HolderMismatch], "Le titulaire diffère.", first.AddDays(2));
            resubmitted.EnterServiceAddressAndHolder(Admin, ServiceAddress.Create("1 rue", null, "56100", "Lorient"), AccountHolder.Create("A", "B"), again);
            resubmitted.Submit(Admin, new SignatureInput("A B", TermsAccepted: true, null, null, null, Domain.Porting.SignerCapacity.Manager, AuthorityConfirmed: true,
                Domain.Porting.SignerConfirmation.ByEmailCode("signataire@exemple.fr", DateTime.UnixEpoch)), PortRequestBuilder.DefaultTerms, "POR-2026-870001", again);
            db.PortRequests.Add(resubmitted);
            await db.SaveChangesAsync();
            expected = await db.PortRequests.IgnoreQueryFilters().ToDictionaryAsync(r => r.Id, r => r.FirstSubmittedAtUtc);
            Assert.Equal(first, expected[resubmitted.Id]);
            Assert.Contains(expected.Values, v => v is null); // the demo's drafts stay without one
            Assert.True(expected.Values.Count(v => v is not null) >= 3);

            // Back to the schema before the column, and forward again: the migration's own backfill fills it.
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_FirstSubmission", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[index - 1]);
            await migrator.MigrateAsync();
        }

        using var check = factory.Services.CreateScope();
        var backfilled = await check.ServiceProvider.GetRequiredService<AppDbContext>().PortRequests.IgnoreQueryFilters()
            .ToDictionaryAsync(r => r.Id, r => r.FirstSubmittedAtUtc);
        Assert.Equal(expected, backfilled);
    }
}
