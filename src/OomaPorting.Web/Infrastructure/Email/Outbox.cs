namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>Adds one rendered message to the outbox of a context; the dispatcher sends it after the commit.</summary>
public static class Outbox
{
    public static void Add(AppDbContext db, EmailComposer composer, DateTime nowUtc, string kind, PortRequest request, string recipient,
        string culture, EmailContent content, List<OutboxAttachment> attachments, string? dedupKey = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(request);
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
            AccountId = request.AccountId,
            PortRequestId = request.Id,
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
