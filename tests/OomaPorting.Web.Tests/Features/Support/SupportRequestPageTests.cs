using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>The mandate as support reads it on the request page: the one in force, its seal, and a broken seal said aloud.</summary>
public class SupportRequestPageTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private static readonly Actor Admin = new("page-admin", ActorRole.AccountAdmin, "A");
    private static readonly Actor Support = new("page-support", ActorRole.Support, "S");

    [Fact]
    public async Task The_page_shows_the_mandate_in_force_and_says_when_its_text_no_longer_matches_its_seal()
    {
        var (account, _) = await TestPeople.AccountAsync(portal.Factory, "Mandat Lorient");
        Guid id;
        string seal;
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;
            var r = new PortRequestBuilder(account, Admin, new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc)).Carrier("F1").CarrierAccount("ACC-1234")
                .Lines(("02 97 55 00 01", "F1A123456")).Address("1 rue", "56100", "Lorient").Holder("A", "B").Submit("POR-2026-880001");
            r.RequireAction(Support, [ReasonCode.RioInvalid], "RIO", new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc));
            var second = r.Submit(Admin, new SignatureInput("Second Signataire", true, "127.0.0.1", "test", null, Domain.Porting.SignerCapacity.Manager, AuthorityConfirmed: true,
                Domain.Porting.SignerConfirmation.ByEmailCode("signataire@exemple.fr", DateTime.UnixEpoch)),
                new PortingTerms("2026-11-fr", "Conditions."), null, new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc));
            db.PortRequests.Add(r);
            await db.SaveChangesAsync();
            (id, seal) = (r.Id, second.Sha256);
        }

        var support = await PortalClient.SignedInAsync(portal.Factory, DemoData.SupportAgent);
        var page = await (await support.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        var row = page.QuerySelectorAll(".summary-row").Single(r => r.QuerySelector("dt")!.TextContent.Trim() == "Mandat signé");
        Assert.StartsWith("Second Signataire (", row.QuerySelector("dd")!.TextContent.Trim(), StringComparison.Ordinal); // the second mandate, in force
        Assert.Equal(seal, row.QuerySelector("code")!.TextContent.Trim());
        Assert.DoesNotContain("ALTÉRÉ", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("scellé : texte, empreinte et sceau concordent", row.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Second Signataire (Gérant ou gérante),", row.QuerySelector("dd")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.StartsWith("signature confirmée par le code envoyé à signataire@exemple.fr", row.QuerySelector("[data-confirmation-code]")!.TextContent.Trim(),
            StringComparison.Ordinal);

        using (var scope = portal.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE Mandates SET CanonicalText = CanonicalText || ' (modifié)' WHERE PortRequestId = {id} AND Sequence = 2");
        }

        page = await (await support.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        row = page.QuerySelectorAll(".summary-row").Single(r => r.QuerySelector("dt")!.TextContent.Trim() == "Mandat signé");
        Assert.Contains("ALTÉRÉ : le texte ne correspond plus à l'empreinte", row.TextContent, StringComparison.Ordinal);

        // Someone who can write to the database changes the text and recomputes its plain SHA-256: the keyed seal,
        // whose key is not in the database, still gives it away.
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var text = await db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == id && m.Sequence == 2).Select(m => m.CanonicalText).SingleAsync();
            var rehashed = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
            await db.Database.ExecuteSqlAsync($"UPDATE Mandates SET Sha256 = {rehashed} WHERE PortRequestId = {id} AND Sequence = 2");
        }

        page = await (await support.GetAsync($"/support/portages/{id}")).ReadHtmlAsync();
        row = page.QuerySelectorAll(".summary-row").Single(r => r.QuerySelector("dt")!.TextContent.Trim() == "Mandat signé");
        Assert.Contains("ALTÉRÉ", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("concordent", row.TextContent, StringComparison.Ordinal);
    }
}
