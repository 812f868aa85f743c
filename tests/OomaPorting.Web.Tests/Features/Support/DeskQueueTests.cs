using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Support;

/// <summary>
/// The queue at volume (issue 17): the urgency order, keyset paging that stays exact under every sort and filter, the
/// assignee filter, and the CSV export. One portal for the class, its clock on Tuesday 1 December 2026, 09:00 in Paris;
/// each test works on accounts of its own.
/// </summary>
public class DeskQueueTests(ClockedPortal portal) : IClassFixture<ClockedPortal>
{
    private static readonly Actor Admin = new("desk-admin", ActorRole.AccountAdmin, "A");
    private static readonly Actor Support = new("desk-support", ActorRole.Support, "S");
    private static DateTime Utc(int month, int day, int hour = 9, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    private PortalFactory Factory => portal.Factory;

    private static PortRequestBuilder New(Guid account, int i, DateTime at, string carrier = "F1") =>
        new PortRequestBuilder(account, Admin, at).Carrier(carrier).CarrierAccount("ACC-1234")
            .Lines(($"02 97 {i / 100 % 100:D2} {i % 100:D2} 00", carrier + "A123456")).Address("1 rue", "56000", "Vannes").Holder("A", "B");

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.NotificationsSuppressed = true;
        return await work(db);
    }

    private static async Task<List<(string Reference, string Urgency)>> RowsAsync(HttpClient client, string url)
    {
        var page = await (await client.GetAsync(url)).ReadHtmlAsync();
        return page.QuerySelectorAll("tbody tr[data-request]")
            .Select(r => (r.GetAttribute("data-request")!, r.QuerySelector("[data-urgency]")!.GetAttribute("data-urgency")!)).ToList();
    }

    [Fact]
    public async Task The_queue_opens_on_late_requests_then_what_is_due_today_then_the_oldest()
    {
        var (account, _) = await TestPeople.AccountAsync(Factory, "Urgence Vannes");
        var supportId = await WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.SupportAgent).Select(u => u.Id).SingleAsync());
        await WithDbAsync(async db =>
        {
            var fresh = New(account, 1, Utc(11, 30)).Submit("POR-2026-810001").Checked(); // later, the newest
            var old = New(account, 2, Utc(11, 20)).Submit("POR-2026-810002").Checked(); // later, older than fresh
            var quiet = New(account, 3, Utc(11, 2)).Submit("POR-2026-810003").Checked(); // late: no FOC date for 21 working days
            var passed = New(account, 4, Utc(11, 3)).FocConfirmed("POR-2026-810004", Support, new DateOnly(2026, 11, 30), BusinessCalendar.France, Utc(11, 4));
            var today = New(account, 5, Utc(11, 25)).FocConfirmed("POR-2026-810005", Support, new DateOnly(2026, 12, 1), BusinessCalendar.France, Utc(11, 26));
            var calling = New(account, 6, Utc(11, 24)).FocConfirmed("POR-2026-810006", Support, new DateOnly(2026, 12, 1), BusinessCalendar.France, Utc(11, 26));
            calling.StartTestCall(Support, Utc(12, 1, 7, 30));
            db.PortRequests.AddRange(fresh, old, quiet, passed, today, calling);
            return await db.SaveChangesAsync();
        });

        var client = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        var rows = await RowsAsync(client, "/support/portages?Account=Urgence+Vannes");
        Assert.Equal(["POR-2026-810003", "POR-2026-810004", "POR-2026-810006", "POR-2026-810005", "POR-2026-810002", "POR-2026-810001"],
            rows.Select(r => r.Reference));
        Assert.Equal(["Late", "Late", "DueToday", "DueToday", "Later", "Later"], rows.Select(r => r.Urgency));

        // The chosen sort is the selected option; urgency is the default one.
        var form = await (await client.GetAsync("/support/portages")).ReadHtmlAsync();
        Assert.Equal(["urgence"], form.QuerySelectorAll("#Sort option[selected]").Select(o => o.GetAttribute("value")));
        Assert.Equal("Aujourd'hui", (await (await client.GetAsync("/support/portages?Account=Urgence+Vannes")).ReadHtmlAsync())
            .QuerySelector("tr[data-request='POR-2026-810005'] [data-urgency]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Keyset_paging_returns_each_request_once_in_the_same_order_under_every_sort_and_filter()
    {
        var (account, _) = await TestPeople.AccountAsync(Factory, "Pagination Lorient");
        var supportId = await WithDbAsync(db => db.Users.Where(u => u.Email == DemoData.SupportAgent).Select(u => u.Id).SingleAsync());
        var me = new Actor(supportId, ActorRole.Support, "Support Ooma");
        await WithDbAsync(async db =>
        {
            for (var i = 0; i < 36; i++)
            {
                // Groups of four share a submission instant, and groups of three a FOC date: ties the id must break.
                var at = Utc(11, 2 + (i / 4), 9);
                var carrier = i % 3 == 0 ? "F0" : "F1";
                var builder = New(account, 100 + i, at, carrier);
                var reference = $"POR-2026-82{i:D4}";
                PortRequest r = (i % 4) switch
                {
                    0 => builder.Submit(reference),
                    1 => builder.FocConfirmed(reference, Support, BusinessCalendar.France.AddWorkingDays(new DateOnly(2026, 11, 27), i / 3), BusinessCalendar.France, at.AddDays(1)),
                    2 => builder.FocConfirmed(reference, Support, new DateOnly(2026, 12, 1), BusinessCalendar.France, at.AddDays(1)),
                    _ => builder.Submit(reference),
                };
                if (i % 4 == 3)
                {
                    r.RequireAction(Support, [ReasonCode.RioInvalid], "RIO faux", at.AddDays(1));
                }

                if (i % 5 == 0)
                {
                    r.AssignTo(me, me, true, at.AddDays(2));
                }

                db.PortRequests.Add(r);
            }

            return await db.SaveChangesAsync();
        });

        var client = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        string[] filters = ["", "&Status=all", "&Status=FocConfirmed", "&Turn=Customer", "&Turn=Carrier", "&Carrier=F1", "&Late=true",
            "&Assigned=moi", "&Assigned=personne", "&SubmittedFrom=2026-11-04&SubmittedTo=2026-11-09", "&FocFrom=2026-12-01&FocTo=2026-12-03",
            "&Late=true&Carrier=F0&Assigned=personne"];
        foreach (var sort in new[] { "urgence", "age", "ccf" })
        {
            foreach (var filter in filters)
            {
                var baseUrl = $"/support/portages?Account=Pagination+Lorient&Sort={sort}{filter}";
                var whole = (await RowsAsync(client, baseUrl + "&Size=100")).Select(r => r.Reference).ToList();
                var walked = new List<string>();
                string? next = baseUrl + "&Size=10";
                for (var pages = 0; next is not null; pages++)
                {
                    Assert.True(pages < 10, baseUrl);
                    var doc = await (await client.GetAsync(next)).ReadHtmlAsync();
                    walked.AddRange(doc.QuerySelectorAll("tbody tr[data-request]").Select(r => r.GetAttribute("data-request")!));
                    next = doc.QuerySelector("a[rel=next]")?.GetAttribute("href");
                }

                Assert.Equal(whole, walked);
                Assert.Equal(walked.Count, walked.Distinct().Count());
            }
        }

        // A few hand-checked counts: the filters select what they say.
        async Task<int> Count(string filter) => (await RowsAsync(client, $"/support/portages?Account=Pagination+Lorient&Size=100{filter}")).Count;
        Assert.Equal(36, await Count(""));
        Assert.Equal(8, await Count("&Assigned=moi")); // i = 0, 5, 10, ... 35
        Assert.Equal(28, await Count("&Assigned=personne"));
        Assert.Equal(9, await Count("&Turn=Customer")); // i % 4 == 3
        // Whose turn follows the work (TurnRule), today being 1 December: documents to check (i % 4 == 0) and FOC dates
        // passed without a test call (i = 1, 5: 27 and 30 November) are support's; dated from today on, the carrier's.
        Assert.Equal(16, await Count("&Turn=Carrier"));
        Assert.Equal(11, await Count("&Turn=Support"));
    }

    [Fact]
    public async Task Whose_turn_follows_the_work_and_reads_the_same_in_the_queue_its_csv_the_api_and_the_customers_page()
    {
        var (account, _) = await TestPeople.AccountAsync(Factory, "Tour Brest");
        var at = Utc(11, 20);
        var ids = await WithDbAsync(async db =>
        {
            PortRequest[] requests =
            [
                New(account, 901, at).Submit("POR-2026-890001"),
                New(account, 902, at).Submit("POR-2026-890002").Checked(),
                New(account, 903, at).FocConfirmed("POR-2026-890003", Support, new DateOnly(2026, 11, 30), BusinessCalendar.France, at.AddDays(1)),
                New(account, 904, at).FocConfirmed("POR-2026-890004", Support, new DateOnly(2026, 12, 3), BusinessCalendar.France, at.AddDays(1)),
                New(account, 905, at).Submit("POR-2026-890005"),
            ];
            requests[4].RequireAction(Support, [ReasonCode.RioInvalid], "RIO faux", at.AddDays(1));
            db.PortRequests.AddRange(requests);
            await db.SaveChangesAsync();
            return requests.ToDictionary(r => r.Reference!, r => r.Id);
        });
        var expected = new Dictionary<string, string>
        {
            ["POR-2026-890001"] = "Support", ["POR-2026-890002"] = "Carrier", ["POR-2026-890003"] = "Support",
            ["POR-2026-890004"] = "Carrier", ["POR-2026-890005"] = "Customer",
        };

        var desk = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        foreach (var turn in new[] { "Support", "Carrier", "Customer" })
        {
            var rows = await RowsAsync(desk, $"/support/portages?Account=Tour+Brest&Turn={turn}&Size=100");
            Assert.Equal(expected.Where(e => e.Value == turn).Select(e => e.Key).Order(), rows.Select(r => r.Reference).Order());
        }

        var queue = await (await desk.GetAsync("/support/portages?Account=Tour+Brest&Size=100")).ReadHtmlAsync();
        Assert.All(expected, e => Assert.Equal(e.Value, queue.QuerySelector($"tr[data-request='{e.Key}'] [data-turn]")!.GetAttribute("data-turn")));

        var csv = Parse(await (await desk.GetAsync("/support/portages/export.csv?Account=Tour+Brest")).Content.ReadAsByteArrayAsync(), ';');
        var words = new Dictionary<string, string> { ["Support"] = "Support", ["Carrier"] = "Opérateur", ["Customer"] = "Client" };
        Assert.All(expected, e => Assert.Equal(words[e.Value], csv.Single(row => row[0] == e.Key)[5]));

        var api = ApiClients.For(Factory, await ApiClients.KeyAsync(Factory, account, Domain.Accounts.ApiKeyRole.Read));
        var items = (await (await api.GetAsync("/api/v1/port-requests?limit=100")).JsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("reference").GetString()!, i => i.GetProperty("whoseTurn").GetString()!);
        Assert.All(expected, e => Assert.Equal(e.Value, items[e.Key], StringComparer.OrdinalIgnoreCase));
        foreach (var (reference, id) in ids)
        {
            var one = await (await api.GetAsync($"/api/v1/port-requests/{id}")).JsonAsync();
            Assert.Equal(expected[reference], one.GetProperty("whoseTurn").GetString(), StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_wrong_date_range_is_refused_at_its_field_and_the_queue_still_shows()
    {
        var client = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        var response = await client.GetAsync("/support/portages?SubmittedFrom=2026-12-10&SubmittedTo=2026-12-01&FocFrom=demain");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadHtmlAsync();
        Assert.Equal("La date de fin doit être le même jour ou après la date de début.", page.QuerySelector("#SubmittedTo-error")!.TextContent.Trim());
        Assert.Equal("Saisissez une date valide, par exemple 15/12/2026.", page.QuerySelector("#FocFrom-error")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#FocFrom")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector("[data-error-summary] a[href='#SubmittedTo']"));
    }

    [Fact]
    public async Task The_export_is_the_filtered_queue_in_words_with_a_bom_semicolons_and_formulas_neutralised()
    {
        var (account, _) = await TestPeople.AccountAsync(Factory, "=HYPERLINK(\"http://x\"); Export \"Brest\"");
        await WithDbAsync(async db =>
        {
            var dated = New(account, 901, Utc(11, 20)).FocConfirmed("POR-2026-830001", Support, new DateOnly(2026, 12, 8), BusinessCalendar.France, Utc(11, 23));
            var sentBack = New(account, 902, Utc(11, 2)).Submit("POR-2026-830002");
            sentBack.RequireAction(Support, [ReasonCode.HolderMismatch], "Titulaire", Utc(11, 3));
            db.PortRequests.AddRange(dated, sentBack);
            return await db.SaveChangesAsync();
        });

        var client = await PortalClient.SignedInAsync(Factory, DemoData.SupportAgent);
        var response = await client.GetAsync("/support/portages/export.csv?Account=Export&Sort=age");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var rows = Parse(bytes, ';');
        Assert.Equal(["Référence", "Compte", "Opérateur", "Numéros", "Statut", "À qui le tour", "Soumise le", "Date de portage (CCF)",
            "Date souhaitée par le client", "Pris en charge par", "Retard"], rows[0]);
        Assert.Equal(3, rows.Count);
        var sentBackRow = rows[1];
        Assert.Equal("POR-2026-830002", sentBackRow[0]);
        Assert.Equal("'=HYPERLINK(\"http://x\"); Export \"Brest\"", sentBackRow[1]); // escaped: a spreadsheet shows it as text
        Assert.Equal("SFR", sentBackRow[2]);
        Assert.Equal("À corriger", sentBackRow[4]);
        Assert.Equal("Client", sentBackRow[5]);
        Assert.Equal("2026-11-02", sentBackRow[6]);
        Assert.Equal("Renvoyée au client il y a plus de 5 jours ouvrés, sans correction", sentBackRow[10]);
        Assert.Equal(["POR-2026-830001", "Date de portage confirmée", "Opérateur", "2026-12-08", ""],
            new[] { rows[2][0], rows[2][4], rows[2][5], rows[2][7], rows[2][10] });

        var commas = Parse(await (await client.GetAsync("/support/portages/export.csv?Account=Export&separateur=virgule")).Content.ReadAsByteArrayAsync(), ',');
        Assert.Equal(3, commas.Count);
        Assert.Equal(rows[1][1], commas.Single(r => r[0] == "POR-2026-830002")[1]);
    }

    [Fact]
    public async Task The_export_writes_rows_as_they_are_read_and_does_not_hold_them()
    {
        // Lines come from a source that stops after 20,000 rows until released: by then the output must already hold
        // them, i.e. nothing waits for the end of the query to be written.
        var release = new TaskCompletionSource();
        var output = new MemoryStream();
        var text = Factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var write = Web.Features.Support.ExportRequests.WriteAsync(output, Source(release.Task), Web.Infrastructure.CsvFormat.Semicolons, text,
            new SlaLimits(10, 5), CancellationToken.None);
        while (output.Length < 20_000 * 40 && !write.IsCompleted)
        {
            await Task.Delay(10);
        }

        Assert.False(write.IsCompleted);
        var written = output.Length;
        Assert.True(written > 20_000 * 40, $"{written} bytes written before the source ended");
        release.SetResult();
        await write;
        Assert.Equal(1 + 20_001 + 1, Encoding.UTF8.GetString(output.ToArray()).Split("\r\n").Length); // header, 20,001 rows, after the last line break
    }

    private static async IAsyncEnumerable<Web.Features.Support.ExportRequests.Line> Source(Task released)
    {
        for (var i = 0; i < 20_000; i++)
        {
            yield return new($"POR-2026-{i:D6}", "Société", "F1", NumberType.Fixed, null, 1, PortRequestStatus.Submitted, Utc(11, 2), null, null, null, LateReason.None, null);
        }

        await released;
        yield return new("POR-2026-999999", "Dernière", "F1", NumberType.Fixed, null, 1, PortRequestStatus.Submitted, Utc(11, 2), null, null, null, LateReason.None, null);
    }

    private static List<string[]> Parse(byte[] bytes, char separator)
    {
        // The byte-order mark was checked by the caller: the rows are read from what follows it.
        using var csv = CsvReader.Create(bytes.AsMemory(3), new CsvReaderOptions { Separator = separator, HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i))]);
        }

        return rows;
    }
}
