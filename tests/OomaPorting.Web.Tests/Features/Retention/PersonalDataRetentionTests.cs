using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OomaPorting.Domain.Calendar;
using OomaPorting.Domain.Common;
using OomaPorting.Domain.Porting;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Retention;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Retention;

/// <summary>
/// The retention job on a fake clock: a request closed 13 months ago loses its personal data (its bill too) and keeps its history; one
/// closed 5 years ago loses its mandate too; one closed last month is untouched; what the pages then show.
/// </summary>
public class PersonalDataRetentionTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static PortRequest Completed(Guid accountId, Actor admin, Actor support, DateTime at, string reference, string number)
    {
        var r = new PortRequestBuilder(accountId, admin, at).Carrier("F0").CarrierAccount("ACC-778899")
            .Lines((number, "F0X1A2B3C")).MainNumber(number, accountHasOwnMainNumber: true)
            .Address("3 rue des Lilas", "69003", "Lyon").Holder("Paul", "Durand", "Durand Conseil")
            .Submit(reference, signature: new SignatureInput("Paul Durand", true, "203.0.113.9", "Navigateur/1.0", null, Domain.Porting.SignerCapacity.Manager, AuthorityConfirmed: true,
                Domain.Porting.SignerConfirmation.ByEmailCode("signataire@exemple.fr", DateTime.UnixEpoch)));
        var foc = BusinessCalendar.France.AddWorkingDays(DateOnly.FromDateTime(at), 5);
        if (r.AwaitsDocumentsCheck)
        {
            r.CheckDocuments(support, at);
        }

        r.SetFocDate(support, foc, BusinessCalendar.France, at);
        var onFoc = foc.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        r.StartTestCall(support, onFoc);
        r.RecordTestCallPassed(support, onFoc);
        return r;
    }

    [Fact]
    public async Task Closed_requests_lose_their_personal_data_after_13_months_and_their_mandate_after_5_years()
    {
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory { Clock = clock };
        var now = Start.UtcDateTime;
        Guid due, old, recent;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.NotificationsSuppressed = true;
            var account = await db.Accounts.IgnoreQueryFilters().SingleAsync(a => a.CompanyName == "Boulangerie Martin");
            var adminId = await db.Users.Where(u => u.Email == DemoData.BoulangerieAdmin).Select(u => u.Id).FirstAsync();
            var admin = new Actor(adminId, ActorRole.AccountAdmin, "Marie Martin");
            var support = new Actor("support-retention", ActorRole.Support, "Support");
            var d = Completed(account.Id, admin, support, now.AddMonths(-14), await References.NextAsync(db, 2025, CancellationToken.None), "01 48 41 00 01");
            var o = Completed(account.Id, admin, support, now.AddYears(-6), await References.NextAsync(db, 2020, CancellationToken.None), "01 48 41 00 02");
            var n = Completed(account.Id, admin, support, now.AddMonths(-2), await References.NextAsync(db, 2026, CancellationToken.None), "01 48 41 00 03");
            db.PortRequests.AddRange(d, o, n);
            // Each has a thread: the due one's goes with its personal data, the recent one's stays.
            db.PortRequestMessages.AddRange(
                PortRequestMessage.Post(d, admin, "Paul Durand sera absent le jour J.", isInternal: false, now.AddMonths(-14)),
                PortRequestMessage.Post(n, admin, "Paul Durand sera là.", isInternal: false, now.AddMonths(-2)));
            // Each came with its bill, whose bytes are stored as an upload's are.
            var store = new Web.Infrastructure.Documents.DatabaseDocumentStore(db);
            foreach (var document in new[] { d, o, n }.SelectMany(r => r.Documents))
            {
                store.Add(document.Id, PortRequestBuilder.SampleBillPdf);
            }

            // And its mandate as signed (it shows the drawn signature, the IP address and the browser).
            var mandatePdf = factory.Services.GetRequiredService<Web.Infrastructure.Pdf.MandatePdf>();
            foreach (var r in new[] { d, o, n })
            {
                await mandatePdf.KeepAsync(db, r, r.Mandates[^1], CancellationToken.None);
            }

            await db.SaveChangesAsync();
            (due, old, recent) = (d.Id, o.Id, n.Id);
        }

        // The job's own pass at start may run at the same time and do part of it: what counts is what is left.
        await factory.Services.GetRequiredService<PersonalDataRetention>().ApplyAsync(CancellationToken.None);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var requests = await db.PortRequests.IgnoreQueryFilters().Include(r => r.Lines).Include(r => r.Events)
                .Where(r => r.Id == due || r.Id == old || r.Id == recent).ToDictionaryAsync(r => r.Id);
            foreach (var id in new[] { due, old })
            {
                var r = requests[id];
                Assert.Null(r.AccountHolder);
                Assert.Null(r.ServiceAddress);
                Assert.Null(r.CarrierAccountNumber);
                Assert.Null(r.SignerName);
                Assert.NotNull(r.PersonalDataErasedAtUtc);
                Assert.Equal(PortRequestStatus.Completed, r.Status);
                Assert.Single(r.Lines);
                Assert.Contains(r.Events, e => e.Kind == PortRequestEventKind.PersonalDataErased);
            }

            var dueMandate = await db.Mandates.IgnoreQueryFilters().SingleAsync(m => m.PortRequestId == due);
            var files = await db.MandateFiles.IgnoreQueryFilters().Select(f => f.MandateId).ToListAsync();
            Assert.DoesNotContain(dueMandate.Id, files); // erased with the personal data; the old one's went with its mandate
            Assert.Single(files, id => db.Mandates.IgnoreQueryFilters().Any(m => m.Id == id && m.PortRequestId == recent));
            Assert.Null(dueMandate.ClientAddress);
            Assert.Null(dueMandate.UserAgent);
            Assert.Contains("Durand", dueMandate.CanonicalText, StringComparison.Ordinal); // the evidence stays its 5 years
            Assert.False(await db.Mandates.IgnoreQueryFilters().AnyAsync(m => m.PortRequestId == old));
            Assert.NotNull(requests[old].MandatesDeletedAtUtc);

            // The bills go with the rest of the personal data, bytes included; the recent request keeps its own.
            var documents = await db.SupportingDocuments.IgnoreQueryFilters().Where(x => x.PortRequestId == due || x.PortRequestId == old || x.PortRequestId == recent)
                .Select(x => new { x.PortRequestId, x.Id }).ToListAsync();
            Assert.Equal([recent], documents.Select(x => x.PortRequestId));
            Assert.Equal(1, await db.DocumentChunks.CountAsync(c => c.DocumentId == documents[0].Id));
            Assert.Equal((0, 0), (requests[due].DocumentCount, requests[due].BillCount));
            Assert.Equal(0, await db.DocumentChunks.CountAsync(c => !db.SupportingDocuments.IgnoreQueryFilters().Any(x => x.Id == c.DocumentId)));

            Assert.False(await db.PortRequestMessages.IgnoreQueryFilters().AnyAsync(m => m.PortRequestId == due));
            Assert.Equal("Paul Durand sera là.", (await db.PortRequestMessages.IgnoreQueryFilters().SingleAsync(m => m.PortRequestId == recent)).Body);
            Assert.Equal("Durand", requests[recent].AccountHolder!.LastName);
            Assert.Null(requests[recent].PersonalDataErasedAtUtc);
            Assert.NotNull(await db.Mandates.IgnoreQueryFilters().Where(m => m.PortRequestId == recent).Select(m => m.ClientAddress).SingleAsync());
        }

        // A second pass finds nothing left to do.
        Assert.Equal(new PersonalDataRetention.Outcome(0, 0, 0), await factory.Services.GetRequiredService<PersonalDataRetention>().ApplyAsync(CancellationToken.None));

        // What the customer and the desk see.
        var customer = await PortalClient.SignedInAsync(factory, DemoData.BoulangerieAdmin);
        var page = await customer.GetStringAsync(new Uri($"/portage/{due}", UriKind.Relative));
        Assert.Contains("data-personal-data-erased", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Durand", page, StringComparison.Ordinal);
        Assert.DoesNotContain("rue des Lilas", page, StringComparison.Ordinal);
        Assert.Contains("mandat.pdf", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await customer.GetAsync(new Uri($"/portage/{due}/mandat.pdf", UriKind.Relative))).StatusCode);

        var oldPage = await customer.GetStringAsync(new Uri($"/portage/{old}", UriKind.Relative));
        Assert.DoesNotContain("mandat.pdf", oldPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync(new Uri($"/portage/{old}/mandat.pdf", UriKind.Relative))).StatusCode);

        var desk = await SupportDesk.SignInAsync(factory);
        var supportPage = await desk.Client.GetAsync(new Uri($"/support/portages/{old}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, supportPage.StatusCode);
        Assert.Contains("data-personal-data-erased", await supportPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sent_e_mails_lose_their_content_after_90_days_and_keep_the_key_that_stops_a_second_sending()
    {
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory { Clock = clock };
        var now = Start.UtcDateTime;
        OutboxMessage Mail(string key, DateTime sentAt) => new()
        {
            Id = Guid.NewGuid(), CreatedAtUtc = sentAt, Kind = "FocReminder", DedupKey = key, Recipient = "paul.durand@example.test",
            Subject = "Portage POR-2026-000001 : votre date", TextBody = "Bonjour Paul Durand, 01 48 41 00 01", HtmlBody = "<p>Bonjour Paul Durand</p>",
            Status = OutboxStatus.Sent, NextAttemptAtUtc = sentAt, SentAtUtc = sentAt, Attempts = 1,
            Attachments = [new OutboxAttachment { Id = Guid.NewGuid(), FileName = "mandat.pdf", ContentType = "application/pdf", Content = [1, 2, 3] }],
        };
        var old = Mail($"old-{Guid.NewGuid()}", now.AddDays(-91));
        var recent = Mail($"recent-{Guid.NewGuid()}", now.AddDays(-89));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.OutboxMessages.AddRange(old, recent);
            await db.SaveChangesAsync();
        }

        await factory.Services.GetRequiredService<PersonalDataRetention>().ApplyAsync(CancellationToken.None);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var erased = await db.OutboxMessages.Include(m => m.Attachments).AsNoTracking().SingleAsync(m => m.Id == old.Id);
            Assert.Equal(string.Empty, erased.Recipient);
            Assert.Equal(string.Empty, erased.TextBody);
            Assert.Equal(string.Empty, erased.HtmlBody);
            Assert.Equal(string.Empty, erased.Subject);
            Assert.Empty(erased.Attachments);
            Assert.Equal(old.DedupKey, erased.DedupKey);
            Assert.NotNull(erased.ContentErasedAtUtc);
            Assert.Equal(OutboxStatus.Sent, erased.Status);

            var kept = await db.OutboxMessages.Include(m => m.Attachments).AsNoTracking().SingleAsync(m => m.Id == recent.Id);
            Assert.Equal("paul.durand@example.test", kept.Recipient);
            Assert.Null(kept.ContentErasedAtUtc);
            Assert.Single(kept.Attachments);
        }
    }
}
