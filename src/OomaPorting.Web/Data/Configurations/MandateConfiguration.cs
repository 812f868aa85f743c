using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OomaPorting.Domain.Accounts;

namespace OomaPorting.Web.Data.Configurations;

public sealed class MandateConfiguration : IEntityTypeConfiguration<Mandate>
{
    public void Configure(EntityTypeBuilder<Mandate> builder)
    {
        builder.ToTable("Mandates");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.SignerName).HasMaxLength(200).IsRequired();
        builder.OwnsOne(m => m.SignerCapacity, c =>
        {
            c.Property(x => x.Kind).HasColumnName("SignerCapacity").HasConversion<string>().HasMaxLength(30);
            c.Property(x => x.Detail).HasColumnName("SignerCapacityDetail").HasMaxLength(SignerCapacity.MaxDetailLength);
        });
        builder.Property(m => m.ClientAddress).HasMaxLength(64);
        builder.Property(m => m.UserAgent).HasMaxLength(512);
        builder.OwnsOne(m => m.Confirmation, c =>
        {
            c.Property(x => x.Method).HasColumnName("ConfirmationMethod").HasMaxLength(20);
            c.Property(x => x.Email).HasColumnName("ConfirmationEmail").HasMaxLength(256);
            c.Property(x => x.AtUtc).HasColumnName("ConfirmedAtUtc");
        });
        builder.Property(m => m.TermsVersion).HasMaxLength(20).IsRequired();
        builder.Property(m => m.CanonicalText).IsRequired();
        builder.Property(m => m.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(m => m.SealKeyId).HasMaxLength(16);
        builder.Property(m => m.Seal).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(m => new { m.PortRequestId, m.Sequence }).IsUnique();
    }
}
