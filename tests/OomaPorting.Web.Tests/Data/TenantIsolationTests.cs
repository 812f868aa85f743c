using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Data;

public class TenantIsolationTests(SharedPortal portal) : IClassFixture<SharedPortal>
{
    private sealed class FixedTenant(Guid? id) : ICurrentTenant
    {
        public Guid? AccountId => id;
    }

    private AppDbContext ContextFor(Guid? accountId) => ContextFor(portal.Factory, accountId);

    private static AppDbContext ContextFor(PortalFactory factory, Guid? accountId) => TestDatabase.ContextFor(factory, new FixedTenant(accountId));

    [Fact]
    public async Task A_pooled_context_forgets_the_previous_leases_tenant_and_flags()
    {
        Guid martin;
        AppDbContext first;
        await using (var scope = portal.Factory.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            martin = await first.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Boulangerie Martin").Select(a => a.Id).SingleAsync();
            first.Tenant = new FixedTenant(martin);
            first.NotificationsSuppressed = true;
            Assert.NotEmpty(await first.PortRequests.ToListAsync());
        }

        // The pool hands contexts back out; whichever this scope gets, it must see no account and send notifications.
        // It is a queue, and the portal's background jobs may have returned contexts ahead of the first: lease until
        // the first comes back (each lease goes back behind it), at most 64 times.
        var reused = false;
        for (var i = 0; i < 64 && !reused; i++)
        {
            await using var scope = portal.Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Null(db.CurrentAccountId);
            Assert.False(db.NotificationsSuppressed);
            Assert.Empty(await db.PortRequests.ToListAsync());
            Assert.Empty(db.ChangeTracker.Entries());
            reused |= ReferenceEquals(db, first);
        }

        Assert.True(reused, "The pool never handed the first context out again: this test would prove nothing.");
    }

    [Fact]
    public async Task The_query_filters_show_an_account_only_its_own_rows()
    {
        _ = portal.Factory.Services;
        Guid martin, durand;
        await using (var all = ContextFor(null))
        {
            martin = await all.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Boulangerie Martin").Select(a => a.Id).SingleAsync();
            durand = await all.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Cabinet Durand").Select(a => a.Id).SingleAsync();
            Assert.Empty(await all.PortRequests.ToListAsync());
            Assert.Empty(await all.Accounts.ToListAsync());
        }

        await using var db = ContextFor(martin);
        Assert.All(await db.PortRequests.ToListAsync(), r => Assert.Equal(martin, r.AccountId));
        Assert.All(await db.PortLines.ToListAsync(), l => Assert.Equal(martin, l.AccountId));
        Assert.All(await db.PortRequestEvents.ToListAsync(), e => Assert.Equal(martin, e.AccountId));
        Assert.All(await db.AccountNumbers.ToListAsync(), n => Assert.Equal(martin, n.AccountId));
        Assert.Equal("Boulangerie Martin", (await db.Accounts.SingleAsync()).CompanyName);
        var durandRequest = await db.PortRequests.IgnoreQueryFilters().FirstAsync(r => r.AccountId == durand);
        Assert.Null(await db.PortRequests.FirstOrDefaultAsync(r => r.Id == durandRequest.Id));
    }

    [Fact]
    public async Task The_status_tab_lists_only_the_accounts_requests_and_drafts_only_for_admins()
    {
        var martinAdmin = await (await (await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieAdmin)).GetAsync("/portage/statut")).ReadHtmlAsync();
        var martinUser = await (await (await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieUser)).GetAsync("/portage/statut")).ReadHtmlAsync();
        var durandAdmin = await (await (await PortalClient.SignedInAsync(portal.Factory, DemoData.DurandAdmin)).GetAsync("/portage/statut")).ReadHtmlAsync();

        static string[] References(AngleSharp.Html.Dom.IHtmlDocument d) =>
            [.. d.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim())];

        Assert.Equal(3, References(martinAdmin).Length);
        Assert.Equal(2, References(martinUser).Length);
        Assert.Equal(2, References(durandAdmin).Length);
        Assert.Empty(References(martinAdmin).Intersect(References(durandAdmin)));
        Assert.Contains("Brouillon", martinAdmin.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Brouillon", martinUser.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("05 56 44 10 20", martinAdmin.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_support_sees_the_queue_across_accounts()
    {
        var admin = await PortalClient.SignedInAsync(portal.Factory, DemoData.BoulangerieAdmin);
        var refused = await admin.GetAsync("/support/portages");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Accès refusé", (await refused.ReadHtmlAsync()).QuerySelector("h1")?.TextContent.Trim());

        var support = await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent);
        var queue = (await (await support.GetAsync("/support/portages")).ReadHtmlAsync()).QuerySelector("tbody")!.TextContent;
        Assert.Contains("Boulangerie Martin", queue, StringComparison.Ordinal);
        Assert.Contains("Cabinet Durand", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_writers_on_sqlite_queue_instead_of_failing_with_database_is_locked()
    {
        using var factory = new PortalFactory();
        _ = factory.Services;
        Guid martin;
        await using (var all = ContextFor(factory, null))
        {
            martin = await all.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Boulangerie Martin").Select(a => a.Id).SingleAsync();
        }

        var admin = new Actor("concurrency-test", ActorRole.AccountAdmin, "Test");
        var writers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                await using var db = ContextFor(factory, martin);
                var now = DateTime.UtcNow;
                var draft = PortRequest.StartDraft(Guid.NewGuid(), martin, admin, now);
                draft.ChooseNumberType(admin, NumberType.Fixed, true, now);
                db.PortRequests.Add(draft);
                await db.SaveChangesAsync();
            }
        }));
        await Task.WhenAll(writers);

        await using var check = ContextFor(factory, martin);
        Assert.Equal(200, await check.PortRequests.CountAsync(r => r.CreatedByUserId == "concurrency-test"));
        Assert.Equal(200, await check.PortRequestEvents.CountAsync(e => e.ActorUserId == "concurrency-test"));
        if (TestDatabase.OnSqlServer)
        {
            return; // what follows is SQLite's journal
        }

        var conn = (SqliteConnection)check.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_stale_version_of_a_request_cannot_overwrite_a_newer_one()
    {
        using var factory = new PortalFactory();
        _ = factory.Services;
        Guid martin;
        await using (var all = ContextFor(factory, null))
        {
            martin = await all.Accounts.IgnoreQueryFilters().Where(a => a.CompanyName == "Boulangerie Martin").Select(a => a.Id).SingleAsync();
        }

        var admin = new Actor("stale-test", ActorRole.AccountAdmin, "Test");
        var id = Guid.NewGuid();
        await using (var db = ContextFor(factory, martin))
        {
            db.PortRequests.Add(PortRequest.StartDraft(id, martin, admin, DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var first = ContextFor(factory, martin);
        await using var second = ContextFor(factory, martin);
        var a = await first.PortRequests.SingleAsync(r => r.Id == id);
        var b = await second.PortRequests.SingleAsync(r => r.Id == id);
        a.ChooseNumberType(admin, NumberType.Fixed, true, DateTime.UtcNow);
        await first.SaveChangesAsync();
        b.ChooseNumberType(admin, NumberType.Mobile, true, DateTime.UtcNow);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = ContextFor(factory, martin);
        Assert.Equal(NumberType.Fixed, (await check.PortRequests.SingleAsync(r => r.Id == id)).NumberType);
    }
}
