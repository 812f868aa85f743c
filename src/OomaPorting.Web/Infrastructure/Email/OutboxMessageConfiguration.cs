using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Infrastructure.Email;

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
        builder.Property(m => m.ClaimedBy).HasMaxLength(ClaimHolder.MaxLength);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);

        // The dispatcher's question: what is due and not held by someone else?
        builder.HasIndex(m => new { m.Status, m.NextAttemptAtUtc });
        builder.HasIndex(m => m.ClaimToken);
        builder.HasIndex(m => new { m.PortRequestId, m.CreatedAtUtc });

        // The retention job's question: sent long enough ago and not yet erased (led by "not yet", so the millions
        // already erased are never walked again).
        builder.HasIndex(m => new { m.ContentErasedAtUtc, m.Status, m.SentAtUtc }).HasDatabaseName("IX_OutboxMessages_ContentDue");
    }
}
