namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>Adds one rendered message to the outbox of a context; the dispatcher sends it after the commit.</summary>
public static class Outbox
{
    /// <summary>Kinds whose body carries a secret (a single-use link): emptied of it once sent.</summary>
    /// <summary>Kinds sent as high-priority e-mails (Importance: high, X-Priority 1): the desk must act today.</summary>
    public static readonly IReadOnlySet<string> Urgent = new HashSet<string>(StringComparer.Ordinal) { "SupportCancelledUrgent", "SupportDeliveryFailed" };

    public static readonly IReadOnlySet<string> RedactedOnceSent = new HashSet<string>(StringComparer.Ordinal) { "UserInvitation", "PasswordReset" };

    public static void Add(AppDbContext db, EmailComposer composer, DateTime nowUtc, string kind, PortRequest request, string recipient,
        string culture, EmailContent content, List<OutboxAttachment> attachments, string? dedupKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        Add(db, composer, nowUtc, kind, request.AccountId, request.Id, recipient, culture, content, attachments, dedupKey);
    }

    /// <summary>A message about an account (or about nobody's account), not about one port request.</summary>
    public static void Add(AppDbContext db, EmailComposer composer, DateTime nowUtc, string kind, Guid? accountId, Guid? portRequestId, string recipient,
        string culture, EmailContent content, List<OutboxAttachment> attachments, string? dedupKey = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(attachments);
        var id = Guid.CreateVersion7(nowUtc);
        foreach (var a in attachments)
        {
            a.Id = Guid.CreateVersion7(nowUtc);
            a.OutboxMessageId = id;
        }

        var message = new OutboxMessage
        {
            Id = id,
            CreatedAtUtc = nowUtc,
            AccountId = accountId,
            PortRequestId = portRequestId,
            DedupKey = dedupKey,
            Attachments = attachments,
            Status = OutboxStatus.Pending,
            NextAttemptAtUtc = nowUtc,
        };
        Write(message, composer, kind, recipient, culture, content);
        db.OutboxMessages.Add(message);
    }

    /// <summary>
    /// A message written only when it is sent, by the <see cref="IOutboxPreparer"/> of <paramref name="kind"/>: one row
    /// with the address asked for and nothing else, so that asking costs the same whatever the answer.
    /// </summary>
    public static void AddToPrepare(AppDbContext db, DateTime nowUtc, string kind, string recipient)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(nowUtc),
            CreatedAtUtc = nowUtc,
            Kind = kind,
            Recipient = recipient,
            Status = OutboxStatus.Pending,
            NextAttemptAtUtc = nowUtc,
        });
    }

    /// <summary>Gives <paramref name="message"/> its kind, recipient, language and rendered content.</summary>
    public static void Write(OutboxMessage message, EmailComposer composer, string kind, string recipient, string culture, EmailContent content)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(content);
        var (text, html) = composer.Render(content, culture);
        message.Kind = kind;
        message.Recipient = recipient;
        message.Culture = culture;
        message.Subject = content.Subject;
        message.TextBody = text;
        message.HtmlBody = html;
    }
}
