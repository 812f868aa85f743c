using System.Text;
using Microsoft.Extensions.Options;
using OomaPorting.Domain.Accounts;
using OomaPorting.Web.Infrastructure.Email;
using OomaPorting.Web.Infrastructure.Ics;
using OomaPorting.Web.Infrastructure.Localization;
using OomaPorting.Web.Infrastructure.Pdf;

namespace OomaPorting.Web.Features.Notifications;

/// <summary>
/// Which e-mail is sent when, to whom, saying what: every event of a port request that the customer or support must
/// hear of, and every message of a thread. Called by the interceptor in the <c>SaveChanges</c> that records the change,
/// so the e-mail is committed with it. "Followers" are the account's users who follow its ports (admins unless they
/// opted out, users who opted in; <see cref="Writer.FollowersAsync"/>). The table:
/// <list type="bullet">
/// <item>Submitted, Resubmitted: the followers (with the mandate PDF); a resubmission also tells support.</item>
/// <item>FOC date set or moved, or a failed test call with a new date (which says the call failed): the followers (with the calendar file).</item>
/// <item>Sent back (by support or after a failed test call): the followers, with the reasons to fix.</item>
/// <item>Completed (with what became of the account's numbers: how many were ported, which were refused and why),
/// Cancelled (with support's reason): the followers.</item>
/// <item>Numbers refused by the carrier while the others go ahead: the followers, with each refused number and its
/// reason, the carrier's words and what the admin can do.</item>
/// <item>A support message: the followers; a customer message: support. Internal notes: nobody.</item>
/// <item>The working day before the FOC date: a reminder to the followers (<see cref="FocReminders"/>).</item>
/// <item>The customer acts on a request an agent has taken (corrects, cancels, writes, asks for a date or to keep the
/// temporary number): that agent, once per save, listing what the customer did.</item>
/// </list>
/// </summary>
public sealed class PortRequestNotifications(EmailComposer composer, IOptions<EmailOptions> options, TimeProvider time, MandatePdf mandatePdf) : IChangeNotifications
{
    /// <summary>A customer cancelled a request whose porting date the carrier already has: sent as a high-priority e-mail.</summary>
    public const string SupportCancelledUrgent = "SupportCancelledUrgent";

    public async ValueTask WriteAsync(AppDbContext db, IReadOnlyList<PortRequestEvent> events, IReadOnlyList<PortRequestMessage> messages,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(messages);
        var writer = For(db);
        foreach (var e in events.OrderBy(e => e.Sequence))
        {
            await writer.ForEventAsync(e, ct);
        }

        foreach (var m in messages.Where(m => !m.IsInternal))
        {
            await writer.ForMessageAsync(m, ct);
        }

        await writer.ForAssigneesAsync(events, messages, ct);
    }

    /// <summary>A writer for one unit of work on <paramref name="db"/>, stamped with the current time.</summary>
    internal Writer For(AppDbContext db) => new(db, composer, options.Value, time.GetUtcNow().UtcDateTime, mandatePdf);

    /// <summary>Who gets what, for one <c>SaveChanges</c>.</summary>
    internal sealed class Writer(AppDbContext db, EmailComposer composer, EmailOptions settings, DateTime nowUtc, MandatePdf mandatePdf)
    {
        public async Task ForEventAsync(PortRequestEvent e, CancellationToken ct)
        {
            var request = db.ChangeTracker.Entries<PortRequest>().Select(x => x.Entity).FirstOrDefault(r => r.Id == e.PortRequestId);
            if (request is null)
            {
                return;
            }

            var kind = e.Kind switch
            {
                PortRequestEventKind.Submitted => "Submitted",
                PortRequestEventKind.Resubmitted => "Resubmitted",
                PortRequestEventKind.FocDateSet => "FocDateSet",
                PortRequestEventKind.FocDateMoved => "FocDateMoved",
                PortRequestEventKind.TestCallFailed when e.ToStatus == PortRequestStatus.FocConfirmed => "TestCallFailed",
                PortRequestEventKind.ActionRequired => "ActionRequired",
                PortRequestEventKind.TestCallFailed when e.ToStatus == PortRequestStatus.ActionRequired => "ActionRequired",
                PortRequestEventKind.TestCallPassed => "Completed",
                PortRequestEventKind.TestCallFailed or PortRequestEventKind.NumbersRefused when e.ToStatus == PortRequestStatus.Completed => "Completed",
                PortRequestEventKind.NumbersRefused => "NumbersRefused",
                PortRequestEventKind.Cancelled => "Cancelled",
                _ => null,
            };
            if (kind is null)
            {
                return;
            }

            var stillPorting = kind == "Completed" ? await PortingStatus.OldCarrierAdvice.StillPortingAsync(db, request, ct) : [];
            foreach (var (email, culture) in await FollowersAsync(request.AccountId, ct))
            {
                var account = kind == "Completed" ? await AccountAsync(request.AccountId, ct) : null;
                var content = composer.InCulture(culture, t => Compose(t, kind, request, e, account, culture, stillPorting));
                Add(kind, request, email, culture, content, await AttachmentsAsync(kind, request, culture, ct));
            }

            // The desk hears of what a customer does: a new or corrected request, and a cancellation (urgent when the
            // carrier already has a date: without a counter-order it will port the numbers that day).
            var alert = kind switch
            {
                "Submitted" => "SupportSubmitted",
                "Resubmitted" => "SupportResubmitted",
                "Cancelled" when e.ActorRole != ActorRole.Support && e.FromStatus != PortRequestStatus.Draft =>
                    e.OldFocDate is null ? "SupportCancelled" : SupportCancelledUrgent,
                _ => null,
            };
            if (alert is not null)
            {
                var company = await db.Accounts.IgnoreQueryFilters().Where(a => a.Id == request.AccountId).Select(a => a.CompanyName).FirstAsync(ct);
                var content = composer.InCulture("fr-FR", t => Alert(t, alert, request, e, company));
                Add(alert, request, settings.SupportAddress, "fr-FR", content, []);
            }
        }

        /// <summary>
        /// The agent who took a request hears of what the customer did to it in this save: one e-mail per request,
        /// whatever the number of events and messages, in the agent's language.
        /// </summary>
        public async Task ForAssigneesAsync(IReadOnlyList<PortRequestEvent> events, IReadOnlyList<PortRequestMessage> messages, CancellationToken ct)
        {
            var acts = events.Where(e => e.ActorRole is ActorRole.AccountAdmin or ActorRole.AccountUser && e.Kind is PortRequestEventKind.Resubmitted
                    or PortRequestEventKind.Cancelled or PortRequestEventKind.KeepTemporaryNumberRequested or PortRequestEventKind.PortDateRequested)
                .Select(e => (e.PortRequestId, Key: $"Event.{e.Kind}"))
                .Concat(messages.Where(m => !m.IsInternal && m.AuthorRole != ActorRole.Support).Select(m => (m.PortRequestId, Key: "Email.AssigneeAlert.Message")))
                .GroupBy(x => x.PortRequestId);
            foreach (var act in acts)
            {
                var request = db.ChangeTracker.Entries<PortRequest>().Select(x => x.Entity).FirstOrDefault(r => r.Id == act.Key)
                    ?? await db.PortRequests.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == act.Key, ct);
                if (request?.AssignedToUserId is not { } agentId)
                {
                    continue;
                }

                var agent = await db.Users.Where(u => u.Id == agentId && !u.IsDisabled && u.Email != null)
                    .Select(u => new { u.Email, u.PreferredCulture }).FirstOrDefaultAsync(ct);
                if (agent is null)
                {
                    continue;
                }

                var company = await db.Accounts.IgnoreQueryFilters().Where(a => a.Id == request.AccountId).Select(a => a.CompanyName).FirstAsync(ct);
                var culture = agent.PreferredCulture;
                var content = composer.InCulture(culture, t => new EmailContent(
                    t["Email.AssigneeAlert.Subject", request.Reference ?? string.Empty, company], t["Email.AssigneeAlert.Heading", request.Reference ?? string.Empty],
                    [t["Email.AssigneeAlert.Body", company].Value], [.. act.Select(a => t[a.Key].Value).Distinct()],
                    $"{composer.PortalUrl}/support/portages/{request.Id}", t["Email.SeeRequest"]));
                Add("AssigneeAlert", request, agent.Email!, culture, content, []);
            }
        }

        /// <summary>An alert to the desk, in French, linking to the request's support page.</summary>
        private EmailContent Alert(IStringLocalizer t, string kind, PortRequest r, PortRequestEvent e, string company)
        {
            var reference = r.Reference ?? string.Empty;
            var numbers = r.Lines.OrderBy(l => l.Position).Select(l => l.Number.Display).ToList();
            string S(string key, params object[] args) => t[$"Email.{kind}.{key}", args].Value;
            var paragraphs = kind switch
            {
                "SupportSubmitted" => new List<string> { S("Body", company, r.CarrierDisplayName ?? "—"),
                    r.RequestedPortDate is { } wished ? S("Wished", Display.RequestedDate(wished, r.RequestedHalfDay, t)) : S("NoWish") },
                "SupportResubmitted" => [S("Body")],
                SupportCancelledUrgent => [S("Body", company, Display.Date(e.OldFocDate)), S("Do", r.CarrierDisplayName ?? "—")],
                _ => [S("Body", company)],
            };
            if (kind is "SupportCancelled" or SupportCancelledUrgent && e.Comment is { } reason)
            {
                paragraphs.Add(S("Reason", reason));
            }

            paragraphs.Add(t.Plural("Email.Numbers", numbers.Count));
            var subject = kind == SupportCancelledUrgent ? S("Subject", reference, Display.Date(e.OldFocDate)) : S("Subject", reference, company);
            return new(subject, S("Heading", reference), paragraphs, NumberSentences.Listed(t, numbers), $"{composer.PortalUrl}/support/portages/{r.Id}", t["Email.SeeRequest"]);
        }

        public async Task ForMessageAsync(PortRequestMessage m, CancellationToken ct)
        {
            var request = db.ChangeTracker.Entries<PortRequest>().Select(x => x.Entity).FirstOrDefault(r => r.Id == m.PortRequestId)
                ?? await db.PortRequests.IgnoreQueryFilters().AsNoTracking().FirstAsync(r => r.Id == m.PortRequestId, ct);
            if (m.AuthorRole == ActorRole.Support)
            {
                foreach (var (email, culture) in await FollowersAsync(request.AccountId, ct))
                {
                    var content = composer.InCulture(culture, t => Message(t, "SupportMessage", request, m));
                    Add("SupportMessage", request, email, culture, content, []);
                }
            }
            else
            {
                var content = composer.InCulture("fr-FR", t => Message(t, "CustomerMessage", request, m));
                Add("CustomerMessage", request, settings.SupportAddress, "fr-FR", content, []);
            }
        }

        private EmailContent Compose(IStringLocalizer t, string kind, PortRequest r, PortRequestEvent? e, Domain.Accounts.Account? account, string culture,
            IReadOnlyList<PortingStatus.OldCarrierAdvice.StillPorting>? stillPorting = null)
        {
            var link = $"{composer.PortalUrl}/portage/{r.Id}";
            string Shown(PortLine l) => l.Number.Display + (l.IsMainLine ? " " + t["Wizard.Lines.MainShort"] : string.Empty);
            // The numbers an e-mail is about: those still to port (not those refused, withdrawn or ported already);
            // a cancellation names those it stopped.
            var all = (kind == "Cancelled" ? r.Lines.Where(l => l.Status == PortLineStatus.Cancelled) : r.LinesToPort)
                .OrderBy(l => l.Position).Select(Shown).ToList();
            var numbers = NumberSentences.Listed(t, all);
            var concerned = t.Plural("Email.Numbers", all.Count);
            var focDay = r.FocDate ?? e?.NewFocDate;
            var foc = Display.Date(focDay);
            var reference = r.Reference ?? string.Empty;
            string S(string key, params object[] args) => t[$"Email.{kind}.{key}", args].Value;
            var see = t["Email.SeeRequest"].Value;
            return kind switch
            {
                "Submitted" or "Resubmitted" => new(S("Subject", reference), S("Heading", reference), [S("Body"), concerned], numbers, link, see)
                    { After = [S("Next")] },
                "FocDateSet" => new(S("Subject", reference, foc), S("Heading", foc), [S("Body", foc), S("Day"), S("Keep"), concerned], numbers, link, see),
                "FocDateMoved" => new(S("Subject", reference, foc), S("Heading", foc), [S("Body", Display.Date(e?.OldFocDate), foc), S("Keep"), concerned],
                    numbers, link, see),
                "TestCallFailed" => new(S("Subject", reference, foc), S("Heading"),
                    [S("Body", Display.Date(e?.OldFocDate)), .. NumberSentences.PortedNow(t, r, e), S("Next", foc), S("Keep"), concerned], numbers, link, see),
                "NumbersRefused" => new(t.Plural("Email.NumbersRefused.Subject", e?.LineCount ?? 0, reference), S("Heading"),
                    [t.Plural("Email.NumbersRefused.Body", e?.LineCount ?? 0, r.LinesToPort.Count())],
                    [.. NumberSentences.Refused(t, r)], link, see)
                    { After = [.. e?.Comment is { } words ? [S("Words", words)] : Array.Empty<string>(), S("Do")] },
                "ActionRequired" => new(S("Subject", reference), S("Heading"), [S("Body")],
                    [.. r.ActionReasons.Select(code => t[$"Reason.{code}"].Value)], link, t["Email.Fix"])
                    { After = e?.Comment is { } c ? [t["Email.ActionRequired.Message", c].Value] : [] },
                "ActionReminder" => new(S("Subject", reference), S("Heading"), [S("Body", Display.Date(r.StatusChangedAtUtc))],
                    [.. r.ActionReasons.Select(code => t[$"Reason.{code}"].Value)], link, t["Email.Fix"])
                    { After = [.. r.ActionMessage is { } c ? [t["Email.ActionRequired.Message", c].Value] : Array.Empty<string>(), S("Help")] },
                "Completed" => new(S("Subject", reference), S("Heading"), [t.Plural("Email.Completed.Body", r.Lines.Count(l => l.Status == PortLineStatus.Ported))],
                    NumberSentences.Listed(t, r.Lines.Where(l => l.Status == PortLineStatus.Ported).OrderBy(l => l.Position).Select(Shown)), link, see)
                    { After = [.. NumberSentences.RefusedSummary(t, r), .. CompletedFacts(t, r, account), NumberSentences.OldCarrier(t, stillPorting ?? [])] },
                "Cancelled" => new(S("Subject", reference), S("Heading", reference),
                    [.. e is { ActorRole: ActorRole.Support, Comment: { } reason } ? [S("BySupport", reason)] : Array.Empty<string>(),
                     .. e?.OldFocDate is { } dropped ? [S("Calendar", Display.Date(dropped))] : Array.Empty<string>(),
                     t.Plural("Email.Cancelled.Body", all.Count)],
                    numbers, link, see),
                "FocReminder" => new(S("Subject", reference, Display.Day(focDay!.Value)), S("Heading", Display.Day(focDay.Value)),
                    [S("Body", Display.Day(focDay.Value)), S("Keep"), concerned], numbers, link, see),
                _ => throw new InvalidOperationException($"No e-mail for {kind} ({culture})."),
            };
        }

        /// <summary>
        /// What the completed port did to the account's numbers, as it really happened in this save: the main number,
        /// and the temporary number only when this port released it or it stays on as a virtual (billed) number.
        /// </summary>
        private IEnumerable<string> CompletedFacts(IStringLocalizer t, PortRequest r, Domain.Accounts.Account? account)
        {
            if (account is null)
            {
                yield break;
            }

            yield return r.MainOomaNumber is { } main && account.MainNumber == main
                ? t["Email.Completed.Main", main.Display].Value
                : t["Email.Completed.MainUnchanged", account.DefaultNumber.Display].Value;
            var temporary = account.TemporaryNumber;
            if (account.Numbers.Any(n => n.Number == temporary && n.Kind == Domain.Accounts.AccountNumberKind.Virtual))
            {
                yield return t["Email.Completed.TemporaryKept", temporary.Display, Display.Money(Domain.Billing.NumberPricing.AdditionalNumberMonthlyEur)].Value;
            }
            else if (db.ChangeTracker.Entries<Domain.Accounts.AccountNumber>()
                .Any(n => n.State == EntityState.Deleted && n.Entity.Number == temporary && n.Entity.Kind == Domain.Accounts.AccountNumberKind.Temporary))
            {
                yield return t["Email.Completed.TemporaryReleased", temporary.Display].Value;
            }
        }

        private EmailContent Message(IStringLocalizer t, string kind, PortRequest r, PortRequestMessage m)
        {
            var link = kind == "SupportMessage" ? $"{composer.PortalUrl}/portage/{r.Id}#messages" : $"{composer.PortalUrl}/support/portages/{r.Id}#messages";
            return new(t[$"Email.{kind}.Subject", r.Reference ?? string.Empty], t[$"Email.{kind}.Heading", m.AuthorName],
                [.. m.Body.Split('\n')], [], link, t["Email.Reply"]);
        }

        public void Add(string kind, PortRequest request, string recipient, string culture, EmailContent content, List<OutboxAttachment> attachments, string? dedupKey = null) =>
            Outbox.Add(db, composer, nowUtc, kind, request, recipient, culture, content, attachments, dedupKey);

        public EmailContent ComposeReminder(string culture, PortRequest request) =>
            composer.InCulture(culture, t => Compose(t, "FocReminder", request, null, null, culture));

        /// <summary>The reminder to fix a request sent back a few working days ago (<see cref="ActionReminders"/>).</summary>
        public EmailContent ComposeActionReminder(string culture, PortRequest request) =>
            composer.InCulture(culture, t => Compose(t, "ActionReminder", request, null, null, culture));

        private async Task<List<OutboxAttachment>> AttachmentsAsync(string kind, PortRequest r, string culture, CancellationToken ct)
        {
            switch (kind)
            {
                case "Submitted" or "Resubmitted" when r.Mandates.Count > 0:
                    var company = await db.Accounts.IgnoreQueryFilters().Where(a => a.Id == r.AccountId).Select(a => a.CompanyName).FirstAsync(ct);
                    var hasTemporary = await db.AccountNumbers.IgnoreQueryFilters()
                        .AnyAsync(n => n.AccountId == r.AccountId && n.Kind == Domain.Accounts.AccountNumberKind.Temporary, ct);
                    return [new OutboxAttachment { FileName = $"mandat-{r.Reference}.pdf", ContentType = "application/pdf",
                        Content = await mandatePdf.SignedAsync(db, r, r.Mandates[^1], company, hasTemporary, ct) }];
                case "FocDateSet" or "FocDateMoved" or "TestCallFailed" when r.HasCalendarFile:
                    var ics = FocCalendar.Render(r, FocCalendar.Datings(await FocEventsAsync(r.Id, ct)), nowUtc, culture.StartsWith("en", StringComparison.Ordinal), settings.From);
                    return [Calendar(ics, "PUBLISH")];
                case "Cancelled" when r.Events.LastOrDefault(e => e.Kind == PortRequestEventKind.Cancelled)?.OldFocDate is { } cancelledFoc:
                    var cancellation = FocCalendar.RenderCancellation(r, cancelledFoc, FocCalendar.Datings(await FocEventsAsync(r.Id, ct)), nowUtc,
                        culture.StartsWith("en", StringComparison.Ordinal), settings.From);
                    return [Calendar(cancellation, "CANCEL")];
                default:
                    return [];
            }
        }

        private static OutboxAttachment Calendar(string ics, string method) => new()
        {
            FileName = "portage.ics",
            ContentType = $"text/calendar; method={method}; charset=utf-8",
            Content = Encoding.UTF8.GetBytes(ics),
        };

        /// <summary>Every event that gave the request a FOC date: those already saved and those of this save.</summary>
        private async Task<List<PortRequestEvent>> FocEventsAsync(Guid requestId, CancellationToken ct)
        {
            var saved = await db.PortRequestEvents.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.PortRequestId == requestId && e.NewFocDate != null).ToListAsync(ct);
            var added = db.ChangeTracker.Entries<PortRequestEvent>()
                .Where(e => e.State == EntityState.Added && e.Entity.PortRequestId == requestId).Select(e => e.Entity);
            return [.. saved.UnionBy(added, e => e.Id)];
        }

        private async Task<Domain.Accounts.Account?> AccountAsync(Guid accountId, CancellationToken ct) =>
            db.ChangeTracker.Entries<Domain.Accounts.Account>().Select(a => a.Entity).FirstOrDefault(a => a.Id == accountId)
            ?? await db.Accounts.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, ct);

        /// <summary>
        /// The account's active users who follow its ports, with their language: those who chose to, and admins who
        /// did not choose otherwise (<see cref="PortingStatus.FollowPorts"/>).
        /// </summary>
        public async Task<List<(string Email, string Culture)>> FollowersAsync(Guid accountId, CancellationToken ct)
        {
            var admins = Infrastructure.Identity.RoleMembers.UserIds(db, Roles.AccountAdmin);
            var followers = await db.Users
                .Where(u => u.AccountId == accountId && !u.IsDisabled && u.Email != null
                    && (u.FollowsPorts == true || (u.FollowsPorts == null && admins.Contains(u.Id))))
                .Select(u => new { u.Email, u.PreferredCulture }).AsNoTracking().ToListAsync(ct);
            return [.. followers.Select(a => (a.Email!, a.PreferredCulture == "en" ? "en" : "fr-FR"))];
        }
    }
}
