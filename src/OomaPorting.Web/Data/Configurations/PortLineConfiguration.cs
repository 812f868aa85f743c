using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data.Configurations;

public sealed class PortLineConfiguration : IEntityTypeConfiguration<PortLine>
{
    public void Configure(EntityTypeBuilder<PortLine> builder)
    {
        builder.ToTable("PortLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Number).HasConversion(ValueConverters.FrenchNumber).HasMaxLength(16).IsRequired();
        builder.Property(l => l.Rio).HasConversion(ValueConverters.Rio).HasMaxLength(12);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(l => l.RefusalReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(l => l.RefusalComment).HasMaxLength(PortLine.MaxRefusalCommentLength);
        builder.Ignore(l => l.IsMainLine);
        builder.Ignore(l => l.AwaitsCustomer);
        builder.Ignore(l => l.Outcome);
        builder.HasIndex(l => new { l.PortRequestId, l.Position }).IsUnique();

        // "Is this number already in an active request of any account?"
        builder.HasIndex(l => new { l.Number, l.Status });
    }
}
