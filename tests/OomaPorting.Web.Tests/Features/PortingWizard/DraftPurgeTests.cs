using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Numbers;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.PortingWizard;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.PortingWizard;

/// <summary>Drafts nobody touched for 60 days go, with their numbers; a follow-up's refused numbers go back to its request.</summary>
public class DraftPurgeTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Drafts_untouched_for_sixty_days_are_deleted_and_a_follow_up_gives_its_numbers_back()
    {
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory { Clock = clock };
        var now = Start.UtcDateTime;
        Guid original, followUp, old, recent;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;
            var account = await db.Accounts.IgnoreQueryFilters().SingleAsync(a => a.CompanyName == "Boulangerie Martin");
            var adminId = await db.Users.Where(u => u.AccountId == account.Id).Select(u => u.Id).FirstAsync();
            var admin = new Actor(adminId, ActorRole.AccountAdmin, "Marie Martin");
            var support = new Actor("support-purge", ActorRole.Support, "Support");
            var r = new PortRequestBuilder(account.Id, admin, now.AddDays(-90)).Lines(("01 48 40 00 00", "F0X1A2B3C"), ("01 48 40 00 01", null), ("01 48 40 00 02", null))
                .MainNumber("01 48 40 00 00", accountHasOwnMainNumber: true).Submit(await References.NextAsync(db, 2026, CancellationToken.None));
            r.RefuseNumbers(support, [FrenchNumber.Parse("01 48 40 00 02")], ReasonCode.RioInvalid, "RIO erroné", now.AddDays(-85));
            var f = r.StartFollowUp(Guid.NewGuid(), admin, [r.Lines[2].Id], now.AddDays(-80));
            var o = new PortRequestBuilder(account.Id, admin, now.AddDays(-70)).Lines(("01 48 40 00 10", "F0X1A2B3C")).Draft();
            var n = new PortRequestBuilder(account.Id, admin, now.AddDays(-59)).Lines(("01 48 40 00 20", "F0X1A2B3C")).Draft();
            db.PortRequests.AddRange(r, f, o, n);
            await db.SaveChangesAsync();
            (original, followUp, old, recent) = (r.Id, f.Id, o.Id, n.Id);
        }

        var purged = await factory.Services.GetRequiredService<DraftPurge>().PurgeAsync(CancellationToken.None);
        Assert.True(purged >= 2, $"{purged} drafts purged");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var left = await db.PortRequests.IgnoreQueryFilters().Where(x => new[] { original, followUp, old, recent }.Contains(x.Id)).Select(x => x.Id).ToListAsync();
            Assert.Equal(new[] { original, recent }.Order(), left.Order());
            Assert.False(await db.PortLines.IgnoreQueryFilters().AnyAsync(l => l.PortRequestId == followUp || l.PortRequestId == old));
            Assert.False(await db.PortRequestEvents.IgnoreQueryFilters().AnyAsync(e => e.PortRequestId == followUp || e.PortRequestId == old));
            var refused = await db.PortLines.IgnoreQueryFilters().SingleAsync(l => l.PortRequestId == original && l.Status == PortLineStatus.Refused);
            Assert.Null(refused.FollowUpRequestId);
        }

        // Half a day later the recent draft, 59 and a half days old, is still there.
        clock.Advance(TimeSpan.FromHours(12));
        Assert.Equal(0, await factory.Services.GetRequiredService<DraftPurge>().PurgeAsync(CancellationToken.None));
    }
}
