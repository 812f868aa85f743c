using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ActorUserId).HasMaxLength(450).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(40).IsRequired();
        builder.Property(e => e.SubjectUserId).HasMaxLength(450);
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.MaxDetailsLength).IsRequired();
        builder.HasIndex(e => e.AtUtc);
        builder.HasIndex(e => new { e.AccountId, e.AtUtc });
    }
}
