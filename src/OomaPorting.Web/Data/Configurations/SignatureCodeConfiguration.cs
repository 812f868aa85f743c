using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Data.Configurations;

public sealed class SignatureCodeConfiguration : IEntityTypeConfiguration<SignatureCode>
{
    public void Configure(EntityTypeBuilder<SignatureCode> builder)
    {
        builder.ToTable("SignatureCodes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.UserId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Email).HasMaxLength(256).IsRequired();
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(c => c.Salt).HasMaxLength(32).IsFixedLength().IsRequired();
        builder.Property(c => c.PendingSignature).IsRequired();
        builder.Ignore(c => c.Confirmation);
        builder.HasOne<PortRequest>().WithMany().HasForeignKey(c => c.PortRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.PortRequestId, c.UserId, c.SentAtUtc });
    }
}
