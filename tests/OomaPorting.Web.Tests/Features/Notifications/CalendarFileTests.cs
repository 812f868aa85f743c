using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OomaPorting.Web.Data;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Notifications;

/// <summary>
/// The calendar file follows the FOC date (issue 14, point 5): one UID, a SEQUENCE that grows with each new date, and a
/// METHOD:CANCEL when the request is cancelled after it was dated. Read by parsing the files (Ical.Net).
/// </summary>
public class CalendarFileTests
{
    private static async Task<Calendar> InviteAsync(MimeMessage message)
    {
        var part = Assert.Single(message.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        return Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
    }

    [Fact]
    public async Task Each_new_date_raises_the_sequence_of_one_event_and_a_cancellation_cancels_it()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = new FakeTimeProvider(ClockedPortal.Start) };
        var (id, wizard) = await Wizard.SubmittedAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        async Task<Calendar> LastInviteAsync()
        {
            while (await processor.DispatchDueAsync(CancellationToken.None) > 0)
            {
            }

            return await InviteAsync(smtp.Received.Last(m => m.To.Mailboxes.Any(b => b.Address == DemoData.BoulangerieAdmin)
                && m.Attachments.Any(a => a.ContentType.MimeType == "text/calendar")));
        }

        await support.CheckDocumentsIfWaitingAsync(id);

        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        var first = await LastInviteAsync();
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-16" });
        var second = await LastInviteAsync();
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-17" });
        var third = await LastInviteAsync();

        var uid = first.Events.Single().Uid;
        Assert.Equal([0, 1, 2], new[] { first, second, third }.Select(c => c.Events.Single().Sequence));
        Assert.All(new[] { second, third }, c => Assert.Equal(uid, c.Events.Single().Uid));
        Assert.Equal(new DateOnly(2026, 12, 17), DateOnly.FromDateTime(third.Events.Single().DtStart!.Value));
        Assert.Equal("PUBLISH", third.Method);

        // RFC 5546: an organiser, whom some clients need to honour a CANCEL; one number is spoken of in the singular.
        Assert.Equal("mailto", third.Events.Single().Organizer?.Value?.Scheme);
        Assert.StartsWith("Votre numéro arrive chez Ooma Office aujourd'hui", third.Events.Single().Description, StringComparison.Ordinal);

        // The page's own link gives the same event at the same sequence.
        var page = await wizard.Client.GetAsync($"/portage/{id}/ccf.ics");
        var download = Calendar.Load(await page.Content.ReadAsStringAsync())!;
        Assert.Equal(uid, download.Events.Single().Uid);
        Assert.Equal(2, download.Events.Single().Sequence);

        await support.DoAsync(id, "annuler", new() { ["Reason"] = "Demande du client." });
        var cancel = await LastInviteAsync();
        Assert.Contains(smtp.Received, m => (m.Subject ?? string.Empty).EndsWith("annulée", StringComparison.Ordinal)
            && m.Attachments.Any(a => a.ContentType.MimeType == "text/calendar"));
        Assert.Equal("CANCEL", cancel.Method);
        var cancelled = cancel.Events.Single();
        Assert.Equal(uid, cancelled.Uid);
        Assert.Equal(3, cancelled.Sequence);
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(third.Events.Single().Organizer!.Value, cancelled.Organizer?.Value);
        Assert.Contains("Le portage de ce numéro est annulé", cancelled.Description, StringComparison.Ordinal);
        Assert.Contains("Il reste chez votre opérateur actuel", cancelled.Description, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 17), DateOnly.FromDateTime(cancelled.DtStart!.Value));
    }

    [Fact]
    public async Task A_request_cancelled_before_any_date_sends_no_calendar_file()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = new FakeTimeProvider(ClockedPortal.Start) };
        var (id, _) = await Wizard.SubmittedAsync(factory);
        var support = await SupportDesk.SignInAsync(factory);
        await support.DoAsync(id, "annuler", new() { ["Reason"] = "Demande du client." });
        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }

        var cancelled = smtp.Received.Single(m => m.To.Mailboxes.Any(b => b.Address == DemoData.BoulangerieAdmin)
            && (m.Subject ?? string.Empty).EndsWith("annulée", StringComparison.Ordinal));
        Assert.Empty(cancelled.Attachments);
    }
}
