using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data.Configurations;

public sealed class PortRequestMessageConfiguration : IEntityTypeConfiguration<PortRequestMessage>
{
    public void Configure(EntityTypeBuilder<PortRequestMessage> builder)
    {
        builder.ToTable("PortRequestMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.HasOne<PortRequest>().WithMany().HasForeignKey(m => m.PortRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.AuthorUserId).HasMaxLength(450).IsRequired();
        builder.Property(m => m.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(m => m.AuthorRole).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Body).HasMaxLength(PortRequestMessage.MaxLength).IsRequired();
        builder.HasIndex(m => new { m.PortRequestId, m.SentAtUtc });
    }
}
