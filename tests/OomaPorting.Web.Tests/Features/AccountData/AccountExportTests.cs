using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.AccountData;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.AccountData;

/// <summary>"Données du compte": an admin asks for the account's archive, it is made in the background, downloaded, and gone after 7 days.</summary>
public partial class AccountExportTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private readonly PortalFactory factory = portal.Factory;

    [GeneratedRegex("/donnees-du-compte/([0-9a-f-]{36})/archive.zip")]
    private static partial Regex Link();

    [Fact]
    public async Task An_admin_gets_the_whole_account_in_one_archive_for_seven_days_and_nobody_else_does()
    {
        var (id, wizard) = await Wizard.SubmittedAsync(factory);
        var reference = wizard.Load(id)!.Reference!;
        var support = await SupportDesk.SignInAsync(factory);
        await PortalClient.PostFormAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "NOTE-INTERNE-EXPORT : ne pas montrer", ["Internal"] = "true" });
        await PortalClient.PostFormAsync(support.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "Votre facture est bien lisible." });

        var admin = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var asked = await PortalClient.PostFormAsync(admin, "/donnees-du-compte", "/donnees-du-compte", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var waiting = await (await admin.GetAsync("/donnees-du-compte")).Content.ReadAsStringAsync();
        Assert.Contains("data-status=\"Pending\"", waiting, StringComparison.Ordinal);

        // A second one while the first is being made: refused, said on the page, nothing queued.
        var again = await PortalClient.PostFormAsync(admin, "/donnees-du-compte", "/donnees-du-compte", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Une archive est déjà en préparation", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var builder = factory.Services.GetRequiredService<AccountExportBuilder>();
        while (await builder.BuildNextAsync(CancellationToken.None))
        {
        }

        var page = await (await admin.GetAsync("/donnees-du-compte")).Content.ReadAsStringAsync();
        var link = Link().Match(page);
        Assert.True(link.Success, "No download link once ready.");
        var download = await admin.GetAsync(link.Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType?.MediaType);
        Assert.True(download.Headers.CacheControl?.NoStore);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("LISEZMOI.txt", names);
        Assert.Contains("compte.json", names);
        Assert.Contains($"demandes/{reference}.json", names);
        Assert.Contains($"demandes/{reference}/mandat-{reference}.pdf", names);
        Assert.Contains(names, n => n.StartsWith($"demandes/{reference}/justificatifs/", StringComparison.Ordinal));

        string Read(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        var account = JsonSerializer.Deserialize<JsonElement>(Read("compte.json"));
        Assert.Equal("Boulangerie Martin", account.GetProperty("company").GetString());
        Assert.Contains(account.GetProperty("users").EnumerateArray(), u => u.GetProperty("email").GetString() == DemoData.BoulangerieAdmin
            && u.GetProperty("role").GetString() == "admin");
        var request = JsonSerializer.Deserialize<JsonElement>(Read($"demandes/{reference}.json"));
        Assert.Equal("submitted", request.GetProperty("status").GetString());
        Assert.Equal("Marie", request.GetProperty("holder").GetProperty("firstName").GetString());
        Assert.Single(request.GetProperty("numbers").EnumerateArray());
        Assert.Contains(request.GetProperty("messages").EnumerateArray(), m => m.GetProperty("body").GetString() == "Votre facture est bien lisible.");
        Assert.StartsWith("%PDF", Read($"demandes/{reference}/mandat-{reference}.pdf"), StringComparison.Ordinal);
        Assert.All(zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.Ordinal)),
            e => Assert.DoesNotContain("NOTE-INTERNE-EXPORT", Read(e.FullName), StringComparison.Ordinal));

        // Another account's admin finds nothing there; nor does anyone after seven days, when it is deleted.
        var durand = await PortalClient.SignedInAsync(factory, DemoData.DurandAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await durand.GetAsync(link.Value)).StatusCode);
        Assert.DoesNotContain(link.Groups[1].Value, await (await durand.GetAsync("/donnees-du-compte")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        portal.Clock.Advance(TimeSpan.FromDays(Domain.Accounts.AccountDataRequest.OfferedDays) + TimeSpan.FromMinutes(1));
        await builder.PurgeExpiredAsync(CancellationToken.None);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var exportId = Guid.Parse(link.Groups[1].Value);
        Assert.False(await db.AccountExports.IgnoreQueryFilters().AnyAsync(e => e.Id == exportId));
        Assert.False(await db.AccountExportChunks.AnyAsync(c => c.ExportId == exportId));
    }
}
