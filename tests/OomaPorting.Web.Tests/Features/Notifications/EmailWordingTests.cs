using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OomaPorting.Domain.Numbers;
using OomaPorting.Web.Data;
using OomaPorting.Web.Features.Notifications;
using OomaPorting.Web.Infrastructure;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Tests.Infrastructure;

namespace OomaPorting.Web.Tests.Features.Notifications;

/// <summary>
/// What the e-mails say, read as the customer receives them through a real SMTP server (issue 14, points 1, 2, 3, 11,
/// 12): the true fate of the temporary number, the day of the port, the failed test call, support's reason, the list
/// right after its sentence, and accents that survive any mail reader.
/// </summary>
public partial class EmailWordingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static async Task DrainAsync(PortalFactory factory)
    {
        var processor = factory.Services.GetRequiredService<OutboxProcessor>();
        while (await processor.DispatchDueAsync(CancellationToken.None) > 0)
        {
        }
    }

    private static List<MimeMessage> To(TestSmtpServer smtp, string address) =>
        [.. smtp.Received.Where(m => m.To.Mailboxes.Any(b => b.Address == address) && m.Subject != SignatureCodeSubject)];

    /// <summary>The signature code e-mail, which every signature now sends first: checked on its own, left out of the request's messages.</summary>
    private const string SignatureCodeSubject = "Votre code de confirmation de signature";

    private static async Task<(Guid Id, string Reference)> SubmitAsync(PortalFactory factory, string admin, bool keepTemporary, bool withSecond = false)
    {
        var wizard = await Wizard.StartAsync(factory, admin);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: withSecond);
        var signature = Wizard.Signature(FrenchNumber.Parse(main).E164);
        if (keepTemporary)
        {
            signature["Command.KeepTemporaryNumber"] = "true"; // offered only to an account that has a temporary number
        }
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await wizard.SignAsync(id, signature)).StatusCode);
        return (id, wizard.Load(id)!.Reference!);
    }

    private static async Task<MimeMessage> CompleteAsync(PortalFactory factory, FakeTimeProvider clock, TestSmtpServer smtp, Guid id)
    {
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(factory);
        await support.DoAsync(id, "appel-test", []);
        await support.DoAsync(id, "resultat-appel", new() { ["Outcome"] = "passed" });
        await DrainAsync(factory);
        return To(smtp, DemoData.DurandAdmin).Last(m => (m.Subject ?? string.Empty).Contains("terminé", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_port_that_releases_the_temporary_number_says_so()
    {
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = clock };
        var (id, _) = await SubmitAsync(factory, DemoData.DurandAdmin, keepTemporary: false);

        var completed = await CompleteAsync(factory, clock, smtp, id);

        Assert.Contains("Votre numéro temporaire 09 72 40 50 60 est libéré : il n'est plus sur votre compte et n'est plus facturé.",
            completed.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("numéro virtuel", completed.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_that_keeps_the_temporary_number_says_it_stays_and_is_billed()
    {
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = clock };
        var (id, _) = await SubmitAsync(factory, DemoData.DurandAdmin, keepTemporary: true);

        var completed = await CompleteAsync(factory, clock, smtp, id);

        Assert.Contains("Votre numéro temporaire 09 72 40 50 60 reste sur votre compte comme numéro virtuel : 9,95 € par mois TTC",
            completed.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("libéré", completed.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_follows_its_sentence_and_every_part_travels_in_seven_bits()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = new FakeTimeProvider(Start) };
        var (_, reference) = await SubmitAsync(factory, DemoData.BoulangerieAdmin, keepTemporary: false, withSecond: true);
        await DrainAsync(factory);

        var submitted = Assert.Single(To(smtp, DemoData.BoulangerieAdmin));
        var text = submitted.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Les 2 numéros concernés :\n\n  - ", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Prochaine étape", StringComparison.Ordinal) > text.LastIndexOf("  - ", StringComparison.Ordinal));
        Assert.Contains("Les 2 numéros concernés :</p><ul", System.Net.WebUtility.HtmlDecode(submitted.HtmlBody), StringComparison.Ordinal);

        // On the wire: nothing but 7-bit bytes (the signature code, the customer's e-mail and the desk's alert); each
        // text part says how it is encoded; a parser gets the accents back.
        Assert.Equal(3, smtp.Raw.Count);
        Assert.All(smtp.Raw.SelectMany(r => r), b => Assert.True(b < 0x80, $"8-bit byte 0x{b:x2} in a message"));
        foreach (var part in submitted.BodyParts.OfType<TextPart>())
        {
            Assert.Contains(part.ContentTransferEncoding, new[] { ContentEncoding.QuotedPrintable, ContentEncoding.Base64 });
        }

        Assert.Contains("Nous avons bien reçu votre demande de portage signée", submitted.TextBody, StringComparison.Ordinal);
        Assert.Equal($"Demande de portage {reference} envoyée", submitted.Subject);
    }

    [Fact]
    public async Task A_failed_test_call_with_a_new_date_says_the_call_failed_and_gives_the_new_date()
    {
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = clock };
        var (id, reference) = await SubmitAsync(factory, DemoData.BoulangerieAdmin, keepTemporary: false);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(id);
        await support.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(factory);
        await support.DoAsync(id, "appel-test", []);
        await support.DoAsync(id, "resultat-appel", new() { ["Outcome"] = "failed-new-date", ["NewFocDate"] = "2026-12-17", ["Note"] = "Orange n'a pas basculé la ligne." });
        await DrainAsync(factory);

        var failed = To(smtp, DemoData.BoulangerieAdmin).Last();
        Assert.Equal($"{reference} : l'appel test n'a pas abouti, nouvelle date de portage le 17 décembre 2026", failed.Subject);
        Assert.Contains("L'appel test du 15 décembre 2026 n'a pas abouti", failed.TextBody, StringComparison.Ordinal);
        Assert.Contains("qui a fixé une nouvelle date : le 17 décembre 2026", failed.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("est déplacée", failed.TextBody, StringComparison.Ordinal);
        Assert.Single(failed.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");
    }

    [Fact]
    public async Task Support_cancelling_gives_the_customer_its_reason()
    {
        await using var smtp = new TestSmtpServer();
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = new FakeTimeProvider(Start) };
        var (id, reference) = await SubmitAsync(factory, DemoData.BoulangerieAdmin, keepTemporary: false);
        var support = await SupportDesk.SignInAsync(factory);
        await support.DoAsync(id, "annuler", new() { ["Reason"] = "Vous avez demandé l'arrêt par téléphone." });
        await DrainAsync(factory);

        var cancelled = Assert.Single(To(smtp, DemoData.BoulangerieAdmin), m => m.Subject == $"Demande de portage {reference} annulée");
        Assert.Contains("Notre équipe a annulé cette demande. Motif : Vous avez demandé l'arrêt par téléphone.", cancelled.TextBody, StringComparison.Ordinal);
        Assert.Contains("Le portage de ce numéro ne se fera pas ; il reste chez votre opérateur actuel :", cancelled.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_names_the_day_and_none_follows_a_foc_date_announced_the_day_before()
    {
        await using var smtp = new TestSmtpServer();
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory(settings: smtp.Settings()) { Clock = clock };
        var (monday, mondayRef) = await SubmitAsync(factory, DemoData.BoulangerieAdmin, keepTemporary: false);
        var (wednesday, _) = await SubmitAsync(factory, DemoData.BoulangerieAdmin, keepTemporary: false);
        var support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(monday);
        await support.DoAsync(monday, "ccf", new() { ["FocDate"] = "2026-12-07" });
        var reminders = factory.Services.GetRequiredService<FocReminders>();

        // Friday 4 December: the Monday port is reminded by its day, not as "demain".
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await reminders.EnqueueDueAsync(CancellationToken.None));
        await DrainAsync(factory);
        var reminder = To(smtp, DemoData.BoulangerieAdmin).Last();
        Assert.Equal($"Rappel {mondayRef} : vos numéros sont portés lundi 7 décembre", reminder.Subject);
        Assert.Contains("Le lundi 7 décembre, vos numéros passent chez Ooma Office.", reminder.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("demain", reminder.TextBody, StringComparison.OrdinalIgnoreCase);

        // Tuesday 8 December: support sets Wednesday's date; its own e-mail is the reminder, nothing follows it.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero));
        support = await SupportDesk.SignInAsync(factory);
        await support.CheckDocumentsIfWaitingAsync(wednesday);
        await support.DoAsync(wednesday, "ccf", new() { ["FocDate"] = "2026-12-09" });
        await reminders.EnqueueDueAsync(CancellationToken.None);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 15, 0, 0, TimeSpan.Zero));
        await reminders.EnqueueDueAsync(CancellationToken.None);
        await ActivatorUtilities.CreateInstance<FocReminders>(factory.Services).EnqueueDueAsync(CancellationToken.None);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.PortRequestId == wednesday && m.Kind == "FocReminder"));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.PortRequestId == monday && m.Kind == "FocReminder"));
    }

    [Fact]
    public void French_writes_the_first_of_the_month_as_an_ordinal_and_days_by_name()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("1er décembre 2026", Display.Date(new DateOnly(2026, 12, 1)));
            Assert.Equal("2 décembre 2026", Display.Date(new DateOnly(2026, 12, 2)));
            Assert.Equal("vendredi 1er janvier", Display.Day(new DateOnly(2027, 1, 1)));
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
            Assert.Equal("1 December 2026", Display.Date(new DateOnly(2026, 12, 1)));
            Assert.Equal("Monday 7 December", Display.Day(new DateOnly(2026, 12, 7)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\w\((s|e|es|x)\)|\{\d+\}|\b(FocConfirmed|ActionRequired|TestCall|NumberInactive|HolderMismatch|RioInvalid|AccountAdmin|AUTRE)\b|\b(Email|Error|Detail|Status|Wizard|Support|Reason|Audit|Desk)\.[A-Z][A-Za-z]+")]
    private static partial System.Text.RegularExpressions.Regex Unwritten();

    /// <summary>
    /// Every e-mail a request's whole life sends, to the customer in <paramref name="culture"/> and to the desk: the
    /// signature codes, the submission, a send-back, the resubmission, the FOC date set and moved, a message from support,
    /// the completion, and another request cancelled by the customer. None writes a plural or a gender in parentheses, an
    /// unfilled placeholder, an internal code or a resource key (issue 36, point 17: the resource strings were scanned,
    /// the rendered e-mails were not).
    /// </summary>
    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en")]
    public async Task Every_email_of_a_request_s_life_is_written_out_in_words(string culture)
    {
        var clock = new FakeTimeProvider(Start);
        using var factory = new PortalFactory { Clock = clock };
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Users.Where(u => u.Email == DemoData.DurandAdmin).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredCulture, culture));
        }

        var wizard = await Wizard.StartAsync(factory, DemoData.DurandAdmin);
        var main = Wizard.NextNumber();
        var id = await wizard.FillAsync(mainNumber: main, withSecond: true);
        var signature = Wizard.Signature(FrenchNumber.Parse(main).E164, "Paul Durand");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await wizard.SignAsync(id, signature)).StatusCode);

        var desk = await SupportDesk.SignInAsync(factory);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await desk.ActWithReasonsAsync(id, "renvoyer",
            new() { ["Message"] = "Le titulaire diffère de la facture." }, "HolderMismatch")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await wizard.SignAsync(id, signature)).StatusCode);
        await desk.CheckDocumentsIfWaitingAsync(id);
        await desk.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-15" });
        await desk.DoAsync(id, "ccf", new() { ["FocDate"] = "2026-12-16" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await PortalClient.PostFormAsync(desk.Client, $"/support/portages/{id}", $"/support/portages/{id}/messages",
            new Dictionary<string, string> { ["Body"] = "Votre opérateur confirme la date." })).StatusCode);
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 16, 9, 0, 0, TimeSpan.Zero));
        desk = await SupportDesk.SignInAsync(factory);
        await desk.DoAsync(id, "appel-test", []);
        await desk.DoAsync(id, "resultat-appel", new() { ["Outcome"] = "passed" });

        clock.SetUtcNow(Start.AddDays(20));
        wizard = await Wizard.StartAsync(factory, DemoData.DurandAdmin);
        var other = Wizard.NextNumber();
        var cancelled = await wizard.FillAsync(mainNumber: other, withSecond: false);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await wizard.SignAsync(cancelled, Wizard.Signature(FrenchNumber.Parse(other).E164, "Paul Durand"))).StatusCode);
        var cancel = await HtmlForm.ForActionAsync(wizard.Client, $"/portage/{cancelled}/annuler", $"/portage/{cancelled}/annuler");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await cancel.SubmitAsync()).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.PortRequestId == id || m.PortRequestId == cancelled).ToListAsync();
            var kinds = emails.Select(m => m.Kind).Distinct().ToList();
            Assert.True(kinds.Count >= 7, "Too few kinds of e-mail to judge: " + string.Join(", ", kinds));
            var problems = emails.SelectMany(m => new[] { ("subject", m.Subject), ("text", m.TextBody), ("html", System.Text.RegularExpressions.Regex.Replace(m.HtmlBody, "<[^>]+>", " ")) }
                    .SelectMany(part => Unwritten().Matches(System.Net.WebUtility.HtmlDecode(part.Item2)).Select(x => $"{m.Kind} ({m.Culture}) {part.Item1}: « {x.Value} »")))
                .Distinct().ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }
    }
}
