using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Infrastructure.Email;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}

/// <summary>
/// An e-mail to send, written in the same <c>SaveChanges</c> as the change it announces, already rendered in its
/// recipient's language. The dispatcher claims it, sends it, and marks it sent, or retries later, or gives up.
/// </summary>
public sealed class OutboxMessage
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

    public DateTime? SentAtUtc { get; set; }

    public string? LastError { get; set; }
}

public sealed class OutboxAttachment
{
    public Guid Id { get; set; }

    public Guid OutboxMessageId { get; set; }

    public string FileName { get; set; } = string.Empty;

    public string ContentType { get; set; } = string.Empty;

    public byte[] Content { get; set; } = [];
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasMaxLength(40).IsRequired();
        builder.Property(m => m.DedupKey).HasMaxLength(120);
        builder.HasIndex(m => m.DedupKey).IsUnique();
        builder.Property(m => m.Recipient).HasMaxLength(256).IsRequired();
        builder.Property(m => m.Culture).HasMaxLength(10).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);

        // The dispatcher's question: what is due and not held by someone else?
        builder.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        builder.HasIndex(m => m.ClaimToken);
        builder.HasIndex(m => new { m.PortRequestId, m.CreatedAtUtc });
    }
}

public sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public void Configure(EntityTypeBuilder<OutboxAttachment> builder)
    {
        builder.ToTable("OutboxAttachments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
    }
}
