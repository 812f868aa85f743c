using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OomaPorting.Web.Data.Configurations;

public sealed class SupportingDocumentConfiguration : IEntityTypeConfiguration<SupportingDocument>
{
    public void Configure(EntityTypeBuilder<SupportingDocument> builder)
    {
        builder.ToTable("SupportingDocuments");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.FileName).HasMaxLength(SupportingDocument.MaxFileNameLength).IsRequired();
        builder.Property(d => d.ContentType).HasMaxLength(40).IsRequired();
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(d => d.UploadedByUserId).HasMaxLength(450).IsRequired();
        builder.Ignore(d => d.IsImage);
        builder.HasIndex(d => new { d.PortRequestId, d.UploadedAtUtc });
    }
}
