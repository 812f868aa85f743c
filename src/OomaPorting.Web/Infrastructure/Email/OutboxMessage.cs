using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Infrastructure.Email;

/// <summary>
/// An e-mail to send, written in the same <c>SaveChanges</c> as the change it announces, already rendered in its
/// recipient's language. The dispatcher claims it, sends it, and marks it sent, or retries later, or gives up.
/// </summary>
public sealed class OutboxMessage : IClaimed
{
    public Guid Id { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public Guid? AccountId { get; set; }

    public Guid? PortRequestId { get; set; }

    /// <summary>What the message announces (<c>Submitted</c>, <c>FocDateSet</c>, <c>FocReminder</c> ...).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Set for messages that must exist once only (the reminder of a given FOC date): a unique index keeps the second out.</summary>
    public string? DedupKey { get; set; }

    public string Recipient { get; set; } = string.Empty;

    public string Culture { get; set; } = "fr-FR";

    public string Subject { get; set; } = string.Empty;

    public string TextBody { get; set; } = string.Empty;

    public string HtmlBody { get; set; } = string.Empty;

    public List<OutboxAttachment> Attachments { get; set; } = [];

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>The dispatcher run that holds it; a claim older than its deadline is taken again (a crashed dispatcher).</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>When the retention job blanked its recipient, subject, bodies and attachments; null while kept.</summary>
    public DateTime? ContentErasedAtUtc { get; set; }

    public string? LastError { get; set; }
}

