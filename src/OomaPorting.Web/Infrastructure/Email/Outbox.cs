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
        var (text, html) = composer.Render(content, culture);
        var id = Guid.CreateVersion7(nowUtc);
        foreach (var a in attachments)
        {
            a.Id = Guid.CreateVersion7(nowUtc);
            a.OutboxMessageId = id;
        }

        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = id,
            CreatedAtUtc = nowUtc,
            AccountId = accountId,
            PortRequestId = portRequestId,
            Kind = kind,
            DedupKey = dedupKey,
            Recipient = recipient,
            Culture = culture,
            Subject = content.Subject,
            TextBody = text,
            HtmlBody = html,
            Attachments = attachments,
            Status = OutboxStatus.Pending,
            NextAttemptAtUtc = nowUtc,
        });
    }
}
